package mn.miic.helpdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.PersonName;
import mn.miic.helpdesk.accounts.domain.Phone;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;
import mn.miic.helpdesk.accounts.store.AccountPage;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.accounts.usecases.FormOptions;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.accounts.usecases.ReadAuditTrail;
import mn.miic.helpdesk.accounts.usecases.SearchAccounts;
import mn.miic.helpdesk.accounts.usecases.SwitchOrganization;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.requests.AskHelpDesk;
import mn.miic.helpdesk.requests.HelpRequest;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.requests.RequestQueue;
import mn.miic.helpdesk.requests.RequestStatus;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.AccountModals;
import mn.miic.helpdesk.slack.views.ComplianceMessages;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import mn.miic.helpdesk.slack.views.HelpMessages;
import mn.miic.helpdesk.slack.views.HomeView;
import mn.miic.helpdesk.slack.views.RequestMessages;
import mn.miic.helpdesk.slack.views.ReviewMessages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every view the bot shows, rendered from fixed data and compared with its golden JSON in
 * {@code src/test/resources/golden}, and held to Slack's limits. After a deliberate change, regenerate with
 * {@code mvn test -Dtest=ViewsGoldenTest -Dgolden.update=true} and review the diff.
 */
class ViewsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Organization CLINIC =
            new Organization(2, "TEST1", "Test Clinic", OrganizationKind.CLINIC, null, LocalDate.of(2025, 1, 15));
    private static final Organization CHILD =
            new Organization(5, "NSROC", "North Shore Rochester", OrganizationKind.CLINIC, 4L, null);
    private static final Instant AT = Instant.parse("2026-11-24T18:00:00Z");
    private static final Account MICKEY =
            account(11, "mousem1", "Mickey", null, "Mouse", Role.TYPICAL_USER, AccountStatus.INACTIVE_EXPIRED, false);
    private static final Account MINNIE =
            account(12, "mousem2", "Minnie", "M", "Mouse", Role.ADMINISTRATOR, AccountStatus.ACTIVE, false);
    private static final Account LOCKED =
            account(13, "wonderw1", "Wonder", null, "Woman <&>", Role.READ_ONLY, AccountStatus.ACTIVE, true);

    private static RequestDetails request(RequestStatus status, Account claimedBy, Account decidedBy) {
        HelpRequest r = new HelpRequest(
                21,
                RequestKind.UNLOCK,
                LOCKED.id(),
                "U0WONDER",
                "I mistyped my password <3 times>",
                status,
                AT.minus(Duration.ofMinutes(42)),
                AT.minus(Duration.ofMinutes(12)),
                claimedBy == null ? null : AT.minus(Duration.ofMinutes(12)),
                claimedBy == null ? null : claimedBy.id(),
                claimedBy == null ? null : AT.minus(Duration.ofMinutes(5)),
                decidedBy == null ? null : decidedBy.id(),
                decidedBy == null ? null : AT,
                decidedBy == null ? null : "Shared account; call the help desk");
        return new RequestDetails(r, LOCKED, CLINIC, claimedBy, decidedBy);
    }

    @org.junit.jupiter.api.Test
    void aSearchsNotificationLineCountsAsItsListDoes() {
        AccountPage one = new AccountPage(List.of(MICKEY), 0, 10, 1);
        assertThat(AccountMessages.searchSummary(new SearchAccounts.Result(CLINIC, one, Map.of())))
                .isEqualTo("1 MIIC account found");
        AccountPage past =
                new AccountPage(List.of(MICKEY), 0, 10, mn.miic.helpdesk.accounts.store.AccountSearch.COUNT_LIMIT + 1);
        assertThat(AccountMessages.searchSummary(new SearchAccounts.Result(null, past, Map.of(), Map.of())))
                .as("every organization: the count stops")
                .isEqualTo("More than 200 MIIC accounts found");
        assertThat(AccountMessages.searchSummary(new SearchAccounts.Result(CLINIC, past, Map.of())))
                .as("one organization's count is exact")
                .isEqualTo("201 MIIC accounts found");
    }

    @TestFactory
    Stream<DynamicTest> everyViewMatchesItsGoldenFileAndSlacksLimits() {
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("help-administrator", HelpMessages.help(card(MINNIE, Set.of())));
        views.put("help-typical-user", HelpMessages.help(card(MICKEY, Set.of())));
        views.put("not-linked", HelpMessages.notLinked("Your Slack user is not linked to a MIIC account yet."));
        views.put("roles", HelpMessages.roles());
        views.put(
                "search-page",
                AccountMessages.searchResults(searchResult(), new SearchPage("TEST1", "mouse", StatusFilter.ALL, 0)));
        views.put("card", AccountMessages.card(card(LOCKED, EnumSet.allOf(AccountAction.class))));
        views.put("confirm-unlock", AccountMessages.confirmation(AccountOp.UNLOCK, card(LOCKED, Set.of()), "nonce-1"));
        views.put("confirm-reset", AccountMessages.confirmation(AccountOp.RESET, card(LOCKED, Set.of()), "nonce-2"));
        views.put(
                "confirm-reactivate",
                AccountMessages.confirmation(AccountOp.REACTIVATE, card(MICKEY, Set.of()), "nonce-3"));
        views.put("audit-trail", AccountMessages.auditTrail(trail()));
        views.put("whoami", AccountMessages.whoami(card(MINNIE, Set.of()), CHILD, "U0MINNIE"));
        views.put(
                "org-choices",
                AccountMessages.organizations(
                        new SwitchOrganization.Organizations(CLINIC, List.of(CLINIC, CHILD), false), false));
        views.put("password-to-owner", DeliveryMessages.passwordToOwner(issued(), MINNIE, false));
        views.put("password-to-administrator", DeliveryMessages.passwordToAdministrator(issued(), true));
        views.put("modal-add", AccountModals.add(addForm(), "{\"org\":\"TEST1\"}"));
        views.put("modal-edit", AccountModals.edit(editForm(), "{\"username\":\"mousem1\",\"version\":3}"));
        views.put("modal-inactivate", AccountModals.inactivate(card(MINNIE, Set.of()), true, "{}"));
        views.put("modal-not-saved", AccountModals.message("Not saved", "Only the MIIC help desk can do that."));
        RequestDetails open = request(RequestStatus.OPEN, null, null);
        RequestDetails claimed = request(RequestStatus.OPEN, MINNIE, null);
        RequestDetails denied = request(RequestStatus.DENIED, null, MINNIE);
        views.put("request-to-approver", RequestMessages.forApprover(open));
        views.put("request-help-desk-claimed", RequestMessages.forHelpDesk(claimed));
        views.put("request-decided", RequestMessages.forApprover(denied));
        views.put("request-deny-modal", RequestMessages.denyModal(open, "21"));
        views.put(
                "help-desk-question",
                RequestMessages.question(new AskHelpDesk.Question(
                        "U0WONDER", LOCKED, CLINIC, "I changed clinics;\nwhere is <my> site?")));
        views.put(
                "request-queue",
                RequestMessages.queue(new RequestQueue.Queue(MINNIE, false, true, List.of(open, claimed), null), AT));
        views.put(
                "home-linked",
                HomeView.linked(
                        card(LOCKED, Set.of()),
                        "U0LOCKED",
                        new RequestQueue.Queue(LOCKED, false, false, List.of(open), null),
                        AT));
        views.put(
                "home-manager",
                HomeView.linked(
                        card(MINNIE, Set.of()),
                        "U0MINNIE",
                        new RequestQueue.Queue(
                                MINNIE,
                                false,
                                true,
                                List.of(open),
                                new RequestQueue.Glance(CLINIC, List.of(LOCKED), List.of(MICKEY), 1)),
                        AT));

        LocalDate today = LocalDate.of(2026, 11, 24);
        java.time.Period three = java.time.Period.ofYears(3);
        var standings = List.of(
                new mn.miic.helpdesk.compliance.DataUseAgreements.Standing(CHILD, null, today),
                new mn.miic.helpdesk.compliance.DataUseAgreements.Standing(
                        CLINIC, new mn.miic.helpdesk.compliance.DuaTerm(LocalDate.of(2023, 12, 14), three), today));
        views.put(
                "dua-list-help-desk",
                ComplianceMessages.duaList(
                        new mn.miic.helpdesk.compliance.DataUseAgreements.Listing(standings, true, today)));
        views.put(
                "dua-reminder",
                ComplianceMessages.duaReminder(
                        CLINIC, LocalDate.of(2023, 12, 14), LocalDate.of(2026, 12, 14), 30, false));
        views.put("dua-renew-modal", ComplianceMessages.renewModal("TEST1", today, "{}"));
        views.put(
                "card-offboarded",
                AccountMessages.card(new AccountCard(
                        MICKEY,
                        CLINIC,
                        List.of(),
                        Set.of(),
                        new mn.miic.helpdesk.accounts.usecases.ViewAccount.Offboarded(AT, MINNIE, "NSROC"))));
        var campaign = new mn.miic.helpdesk.reviews.ReviewRepository.Campaign(
                7, AT.minus(Duration.ofDays(3)), null, AT.plus(Duration.ofDays(11)), true);
        var progress = new mn.miic.helpdesk.reviews.ReviewRepository.SiteProgress(7, CLINIC.id(), 2, 5, 1, 0);
        views.put(
                "review-site",
                ReviewMessages.site(
                        new mn.miic.helpdesk.reviews.AccessReviews.SiteReview(
                                campaign, CLINIC, progress, List.of(MICKEY, LOCKED), 0),
                        mn.miic.helpdesk.outbox.Owed.ReviewAssigned.Why.REMINDER,
                        false,
                        LOCKED.id()));
        views.put(
                "review-overview-help-desk",
                ReviewMessages.overview(new mn.miic.helpdesk.reviews.AccessReviews.Overview(
                        true,
                        List.of(
                                new mn.miic.helpdesk.reviews.AccessReviews.Waiting(campaign, CLINIC, progress),
                                new mn.miic.helpdesk.reviews.AccessReviews.Waiting(
                                        campaign,
                                        CHILD,
                                        new mn.miic.helpdesk.reviews.ReviewRepository.SiteProgress(
                                                7, CHILD.id(), 0, 3, 0, 1))))));
        var someRequests = mn.miic.helpdesk.requests.RequestFigures.of(List.of(
                new mn.miic.helpdesk.requests.RequestFigures.Fact(
                        CLINIC.id(), AT, null, null, AT.plus(Duration.ofMinutes(12)), RequestStatus.APPROVED, false),
                new mn.miic.helpdesk.requests.RequestFigures.Fact(
                        CLINIC.id(),
                        AT,
                        AT.plus(Duration.ofMinutes(30)),
                        AT.plus(Duration.ofMinutes(41)),
                        AT.plus(Duration.ofMinutes(95)),
                        RequestStatus.DENIED,
                        true)));
        views.put(
                "stats",
                mn.miic.helpdesk.slack.views.FigureMessages.stats(
                        new mn.miic.helpdesk.requests.ReadRequestFigures.Report(
                                true,
                                someRequests,
                                someRequests,
                                List.of(new mn.miic.helpdesk.requests.ReadRequestFigures.OfOrganization(
                                        CLINIC, someRequests, someRequests)))));
        views.put("modal-reactivate-time-limited", AccountModals.reactivate(card(LOCKED, Set.of()), "{}"));
        views.put("access-ending-to-owner", ComplianceMessages.accessEnding(LOCKED, CLINIC, true));
        views.put(
                "access-ended-to-administrator",
                ComplianceMessages.accessEnded(LOCKED, CLINIC, LocalDate.of(2026, 12, 31), false));
        views.put("offboarded-to-administrator", ComplianceMessages.offboarded(MICKEY, CLINIC, MINNIE, "NSROC"));

        return views.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    private static void check(String name, Object view) throws IOException {
        JsonNode rendered = JSON.readTree(GsonFactory.createSnakeCase().toJson(view));
        SlackLimits.assertWithin(rendered, view instanceof View);
        Path file = GOLDEN.resolve(name + ".json");
        String text = JSON.writeValueAsString(rendered) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static AccountCard card(Account account, Set<AccountAction> allowed) {
        return new AccountCard(account, CLINIC, account == MINNIE ? List.of(CHILD) : List.of(), allowed);
    }

    private static SearchAccounts.Result searchResult() {
        List<Account> accounts = List.of(LOCKED, MICKEY, MINNIE);
        Map<Long, Set<AccountAction>> allowed = Map.of(
                LOCKED.id(),
                EnumSet.of(AccountAction.EDIT, AccountAction.UNLOCK, AccountAction.RESET_PASSWORD),
                MICKEY.id(),
                EnumSet.of(
                        AccountAction.EDIT,
                        AccountAction.UNLOCK,
                        AccountAction.REACTIVATE,
                        AccountAction.RESET_PASSWORD),
                MINNIE.id(),
                EnumSet.of(AccountAction.EDIT));
        return new SearchAccounts.Result(CLINIC, new AccountPage(accounts, 0, 10, 13), allowed);
    }

    private static ReadAuditTrail.Trail trail() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            entries.add(new AuditEntry(
                    100 - i,
                    AT.minusSeconds(3600L * i),
                    "req-" + i,
                    12L,
                    "mousem2",
                    "U0MINNIE",
                    i % 2 == 0 ? AuditAction.UNLOCK : AuditAction.RESET_PASSWORD,
                    13L,
                    "wonderw1",
                    2L,
                    "TEST1",
                    i == 3 ? AuditEntry.Outcome.REFUSED : AuditEntry.Outcome.DONE,
                    i == 3 ? "Wonder Woman (wonderw1) is not locked" : null,
                    i % 2 == 0 ? Map.of("locked", new Change("true", "false")) : Map.of()));
        }
        return new ReadAuditTrail.Trail(LOCKED, entries);
    }

    private static IssuedPassword issued() {
        Account withExpiry = new Account(
                MICKEY.id(),
                CLINIC.id(),
                MICKEY.username(),
                MICKEY.name(),
                MICKEY.role(),
                AccountStatus.ACTIVE,
                false,
                Phone.NONE,
                null,
                null,
                null,
                true,
                AT.plusSeconds(72 * 3600),
                true,
                null,
                null,
                0,
                null,
                Set.of(),
                null,
                AT,
                AT,
                4);
        return new IssuedPassword(withExpiry, CLINIC, new TemporaryPassword("Xk7#mP2q@Rz9Tw4v"), 0);
    }

    private static FormOptions.AddForm addForm() {
        return new FormOptions.AddForm(
                CLINIC,
                List.of(
                        RoleAssignment.of(Role.READ_ONLY),
                        RoleAssignment.of(Role.TYPICAL_USER),
                        RoleAssignment.of(Role.READ_ONLY_ADMINISTRATOR),
                        RoleAssignment.of(Role.ADMINISTRATOR)),
                false);
    }

    private static FormOptions.EditForm editForm() {
        return new FormOptions.EditForm(
                MICKEY,
                CLINIC,
                List.of("NSROC"),
                List.of(RoleAssignment.of(Role.TYPICAL_USER), RoleAssignment.of(Role.READ_ONLY)),
                true);
    }

    private static Account account(
            long id,
            String username,
            String first,
            String mi,
            String last,
            Role role,
            AccountStatus status,
            boolean locked) {
        return new Account(
                id,
                CLINIC.id(),
                username,
                new PersonName(first, mi, last),
                RoleAssignment.of(role),
                status,
                locked,
                new Phone("651", "5555555", null),
                username + "@example.org",
                LocalDate.of(2021, 9, 16),
                // A time-limited account, to show its date on the card.
                username.equals("wonderw1") ? LocalDate.of(2026, 12, 31) : null,
                true,
                Instant.parse("2027-02-22T18:00:00Z"),
                false,
                Instant.parse("2026-08-01T14:30:00Z"),
                null,
                0,
                status == AccountStatus.ACTIVE ? null : "No longer works for this site",
                Set.of(),
                null,
                AT,
                AT,
                3);
    }
}
