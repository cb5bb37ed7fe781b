package mn.miic.helpdesk.compliance;

import java.time.Clock;
import java.time.Period;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.reviews.AccessReviews;

/** The registry's compliance use cases, built once: what the Slack handlers and the tests are given. */
public record ComplianceUseCases(DataUseAgreements duas, AccessReviews reviews) {

    public static ComplianceUseCases create(
            AccountUseCases accounts,
            AccessPolicy policy,
            Clock clock,
            Period duaValidFor,
            AccessReviews.Settings reviews) {
        return new ComplianceUseCases(
                new DataUseAgreements(accounts.transactions(), clock, duaValidFor),
                new AccessReviews(accounts.transactions(), policy, accounts.inactivate(), clock, reviews));
    }
}
