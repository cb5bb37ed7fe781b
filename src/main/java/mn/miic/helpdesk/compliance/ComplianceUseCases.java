package mn.miic.helpdesk.compliance;

import java.time.Clock;
import java.time.Period;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;

/** The registry's compliance use cases, built once: what the Slack handlers and the tests are given. */
public record ComplianceUseCases(DataUseAgreements duas) {

    public static ComplianceUseCases create(AccountTransactions transactions, Clock clock, Period duaValidFor) {
        return new ComplianceUseCases(new DataUseAgreements(transactions, clock, duaValidFor));
    }
}
