package mn.miic.helpdesk.signin;

import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A password past its expiry, in a workspace where nobody has typed {@code /miic}: its owner hears it once, with one
 * button that asks for a new password, and the administrators' approval lets them in again.
 */
class PasswordExpiryStoryTest {

    private static final String TOKEN = "expiry-token-7f1e-0123456789abcdef01234";
    private static final Pattern PASSWORD = Pattern.compile("Temporary password: `([^`]+)`");
    private static final Duration PERIOD = Duration.ofDays(90);

    private final SlackHarness slack = new SlackHarness(Map.of("ACCOUNT_API_TOKEN", TOKEN));
    private final HttpClient http = HttpClient.newHttpClient();
    private final Organization clinic = slack.fixtures.org("EXPIRY1", OrganizationKind.CLINIC);
    private final Account ada =
            slack.member(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).name("Ada", "Admin"), "U0ADA");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void an_unused_temporary_password_that_expired_is_told_once_and_one_click_and_an_approval_bring_a_new_one()
            throws Exception {
        Account sam = slack.member(slack.fixtures.account(clinic).name("Sam", "Staff"), "U0SAM");
        String replies = slack.command("U0ADA", "reset " + sam.username());
        slack.click("U0ADA", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        String first = passwordIn(slack.awaitDm("U0SAM", 1).get("blocks"));

        slack.advance(Duration.ofHours(73)); // past TEMP_PASSWORD_TTL, never used
        assertThat(outcome(signIn(sam, first))).isEqualTo("temporary_password_expired");
        slack.settle();
        assertThat(outcome(signIn(sam, first))).as("tried again").isEqualTo("temporary_password_expired");
        sweep().run();
        slack.settle();

        assertThat(slack.dmsTo("U0SAM"))
                .as("told once, however often it is tried and whoever finds it first")
                .filteredOn(m -> m.get("blocks").contains("expired unused"))
                .hasSize(1);
        JsonNode notice = readJson(slack.awaitDm("U0SAM", 2).get("blocks"));
        assertThat(textOf(notice)).contains(sam.username(), "EXPIRY1", "no longer signs in");
        assertThat(slack.auditOf(sam))
                .filteredOn(e -> e.action() == AuditAction.PASSWORD_EXPIRED_NOTICE)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("temporary password expired unused"));

        String ask = Ids.Actions.askButton(RequestKind.RESET);
        slack.click("U0SAM", "/respond/sam-expired", ask, valueOf(notice, ask));
        assertThat(textOf(slack.reply("/respond/sam-expired"))).contains("Request #", "sent");
        JsonNode toAda = readJson(slack.awaitDm("U0ADA", 1).get("blocks"));
        String id = valueOf(toAda, Ids.Actions.REQUEST_APPROVE);
        slack.click("U0ADA", "/respond/ada-" + id, Ids.Actions.REQUEST_APPROVE, id);
        slack.settle();

        String second = slack.dmsTo("U0SAM").stream()
                .map(m -> m.get("blocks"))
                .filter(b -> b.contains("Temporary password"))
                .reduce((a, b) -> b)
                .map(PasswordExpiryStoryTest::passwordIn)
                .orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(outcome(signIn(sam, second))).isEqualTo("password_change_required");
    }

    @Test
    void the_sweep_tells_an_owner_whose_password_expired_lately_once_and_nobody_else() {
        Account fresh = slack.member(
                slack.fixtures.account(clinic).name("Fran", "Fresh").password("x"), "U0FRAN");
        Account old =
                slack.member(slack.fixtures.account(clinic).name("Olga", "Old").password("x"), "U0OLGA");
        Account locked = slack.member(
                slack.fixtures
                        .account(clinic)
                        .name("Lou", "Locked")
                        .password("x")
                        .locked(),
                "U0LOU");
        Account valid =
                slack.member(slack.fixtures.account(clinic).name("Val", "Valid").password("x"), "U0VAL");
        Instant now = slack.clock.instant();
        expireAt(fresh, now.minus(Duration.ofHours(2)));
        expireAt(old, now.minus(InactivitySweep.PASSWORD_EXPIRY_LOOKBACK).minus(Duration.ofDays(1)));
        expireAt(locked, now.minus(Duration.ofHours(2)));
        expireAt(valid, now.plus(Duration.ofDays(30)));

        assertThat(sweep().run().passwordsExpired()).isEqualTo(1);
        assertThat(sweep().run().passwordsExpired()).as("not again").isZero();
        slack.settle();

        JsonNode notice = readJson(slack.awaitDm("U0FRAN", 1).get("blocks"));
        assertThat(textOf(notice)).contains("password of your MIIC account", "asks you to choose a new one");
        assertThat(valueOf(notice, Ids.Actions.askButton(RequestKind.RESET))).isEqualTo("RESET");
        assertThat(slack.dmsTo("U0OLGA")).as("expired long before: not news").isEmpty();
        assertThat(slack.dmsTo("U0LOU"))
                .as("locked: the lock's own notice says what to do")
                .isEmpty();
        assertThat(slack.dmsTo("U0VAL")).isEmpty();
        assertThat(slack.dmsTo("U0ADA")).as("nobody else hears it").isEmpty();

        // A new password moves the expiry: its own expiry is news again.
        expireAt(fresh, slack.clock.instant().plus(Duration.ofDays(1)));
        slack.advance(Duration.ofDays(2));
        assertThat(sweep().run().passwordsExpired()).isEqualTo(1);
        slack.settle();
        assertThat(slack.dmsTo("U0FRAN")).hasSize(2);
    }

    @Test
    void an_owner_who_signs_in_with_an_expired_password_is_asked_there_and_gets_no_dm_later() throws Exception {
        Account pat =
                slack.member(slack.fixtures.account(clinic).name("Pat", "Page").password("Lake-Superior-88"), "U0PAT");
        expireAt(pat, slack.clock.instant().minus(Duration.ofMinutes(5)));

        assertThat(outcome(signIn(pat, "Lake-Superior-88"))).isEqualTo("password_change_required");
        assertThat(sweep().run().passwordsExpired()).isZero();
        slack.settle();
        assertThat(slack.dmsTo("U0PAT")).isEmpty();
    }

    @Test
    void a_notice_for_an_expiry_replaced_before_it_went_is_not_sent() {
        Account sue =
                slack.member(slack.fixtures.account(clinic).name("Sue", "Swift").password("x"), "U0SUE");
        expireAt(sue, slack.clock.instant().minus(Duration.ofHours(1)));
        // Claimed and owed, then a new password before the courier gets to it (one transaction, so no race here).
        slack.dsl.transaction(cfg -> {
            new mn.miic.helpdesk.lifecycle.ExpiredPasswords(
                            slack.instances().get(0).outbox())
                    .tellOne(
                            cfg.dsl(),
                            new mn.miic.helpdesk.audit.Actor(null, null, "t"),
                            sue.id(),
                            slack.clock.instant());
            var repo = new AccountRepository(cfg.dsl());
            repo.setCredential(
                    sue.id(),
                    new Credential(
                            repo.credential(sue.id()).passwordHash(),
                            slack.clock.instant().plus(PERIOD),
                            false),
                    null);
        });
        slack.settle();
        assertThat(slack.dmsTo("U0SUE")).isEmpty();
    }

    private void expireAt(Account account, Instant at) {
        var repo = new AccountRepository(slack.dsl);
        repo.setCredential(
                account.id(), new Credential(repo.credential(account.id()).passwordHash(), at, false), null);
    }

    private InactivitySweep sweep() {
        return new InactivitySweep(slack.dsl, slack.instances().get(0).outbox(), slack.clock, PERIOD);
    }

    private HttpResponse<String> signIn(Account account, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + AccountApi.SIGN_IN_PATH))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                AccountApiTest.signIn("EXPIRY1", account.username(), password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String outcome(HttpResponse<String> answer) throws Exception {
        return readJson(answer.body()).path("outcome").asText();
    }

    private static String passwordIn(String blocks) {
        Matcher m = PASSWORD.matcher(textOf(readJson(blocks)));
        assertThat(m.find()).as("a temporary password in " + blocks).isTrue();
        return m.group(1);
    }
}
