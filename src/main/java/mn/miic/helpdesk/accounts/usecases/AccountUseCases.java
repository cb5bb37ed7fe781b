package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.accounts.password.TemporaryPasswordGenerator;
import mn.miic.helpdesk.outbox.Outbox;
import org.jooq.DSLContext;

/** Every account use case, built once with its collaborators; what the Slack handlers and the tests are given. */
public record AccountUseCases(
        SearchAccounts search,
        ViewAccount view,
        AddAccount add,
        EditAccount edit,
        UnlockAccount unlock,
        ReactivateAccount reactivate,
        InactivateAccount inactivate,
        ResetPassword reset,
        UndoTemporaryPassword undoTemporaryPassword,
        FormOptions forms,
        SwitchOrganization organizations,
        ReadAuditTrail auditTrail,
        ReadOutbox outbox,
        AccountTransactions transactions) {

    public static AccountUseCases create(
            DSLContext dsl,
            AccessPolicy policy,
            PasswordHasher hasher,
            PasswordSettings settings,
            Clock clock,
            Outbox outbox) {
        AccountTransactions transactions = new AccountTransactions(dsl, outbox);
        PasswordIssuer issuer = new PasswordIssuer(new TemporaryPasswordGenerator(), hasher, settings, clock);
        return new AccountUseCases(
                new SearchAccounts(transactions, policy),
                new ViewAccount(transactions, policy),
                new AddAccount(transactions, policy, issuer),
                new EditAccount(transactions, policy, clock),
                new UnlockAccount(transactions, policy),
                new ReactivateAccount(transactions, policy, clock),
                new InactivateAccount(transactions, policy, clock),
                new ResetPassword(transactions, policy, issuer),
                new UndoTemporaryPassword(transactions),
                new FormOptions(transactions, policy),
                new SwitchOrganization(transactions),
                new ReadAuditTrail(transactions, policy),
                new ReadOutbox(transactions),
                transactions);
    }
}
