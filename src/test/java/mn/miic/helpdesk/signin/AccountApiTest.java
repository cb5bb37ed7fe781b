package mn.miic.helpdesk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.Fixtures;
import mn.miic.helpdesk.support.MovableClock;
import mn.miic.helpdesk.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sign-in and password-change API through HTTP, against PostgreSQL (SPEC 7). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountApiTest {

    private static final String TOKEN = "test-account-api-token-5d1f-0123456789";
    private static final String GOOD = "Lakes&Loons-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource = TestDatabase.fresh();
    private final MovableClock time = MovableClock.startingNow();
    private final Application app =
            new Application(Config.from(Map.of("ACCOUNT_API_TOKEN", TOKEN)), dataSource, time).start(0);
    private final Clock clock = app.clock();
    private final DSLContext dsl = app.dsl();
    private final Fixtures fixtures = new Fixtures(dsl);
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger addresses = new java.util.concurrent.atomic.AtomicInteger();

    private final Organization clinic = fixtures.org("API1", OrganizationKind.CLINIC);
    private final Organization floats = fixtures.org("API2", OrganizationKind.CLINIC);
    private final Account admin =
            fixtures.account(clinic).role(Role.ADMINISTRATOR).create();

    @AfterAll
    void stop() {
        app.stop();
    }

    // ---- the token

    @Test
    void theApiIsOffWithoutATokenAndRefusesAWrongOne() throws Exception {
        Application off = new Application(Config.from(Map.of()), dataSource, time).start(0);
        try {
            assertThat(post(off.port(), "/api/v1/sign-in", TOKEN, signIn("API1", "anyone", "x"))
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            off.stop();
        }
        var wrong = post(app.port(), "/api/v1/sign-in", "not-the-token", signIn("API1", "anyone", "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("unauthorized");
        assertThat(post(app.port(), "/api/v1/sign-in", TOKEN, "{not json").statusCode())
                .isEqualTo(400);
    }

    // ---- every outcome

    @Test
    void theRightPasswordSignsInAndIsRecorded() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        var answer = signInAs("API1", pat.username(), GOOD);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(outcome(answer)).isEqualTo("signed_in");
        assertThat(reload(pat).lastSignInAt()).isEqualTo(clock.instant());
        assertThat(audit(pat))
                .anyMatch(e -> e.action() == AuditAction.SIGN_IN && e.outcome() == AuditEntry.Outcome.DONE);
    }

    @Test
    void anAdditionalOrganizationSignsInTooButAnotherDoesNot() throws Exception {
        Account floater = fixtures.account(clinic).alsoIn(floats).password(GOOD).create();
        assertThat(outcome(signInAs("API2", floater.username(), GOOD))).isEqualTo("signed_in");
        Organization elsewhere = fixtures.org("API3", OrganizationKind.CLINIC);
        assertThat(outcome(signInAs(elsewhere.code(), floater.username(), GOOD)))
                .isEqualTo("invalid_credentials");
    }

    @Test
    void everyWrongIsOneAnswerInAboutTheSameTime() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        Account imported = fixtures.account(clinic).create();
        var wrongPassword = signInAs("API1", pat.username(), "Not-the-Password-1");
        var unknownUser = signInAs("API1", "nosuchuser9", GOOD);
        var unknownOrg = signInAs("NOPE", pat.username(), GOOD);
        var noPasswordYet = signInAs("API1", imported.username(), GOOD);
        for (var answer : List.of(wrongPassword, unknownUser, unknownOrg, noPasswordYet)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(wrongPassword.body());
        }
        // Interleaved, and the fastest of each: a burst of load on the machine then slows both alike, and the
        // fastest call is the cost of the work itself. Three rounds keep the account below its lockout (one wrong
        // password above, three here, five lock it).
        List<Long> wrongTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            wrongTimes.add(millis(() -> signInAs("API1", pat.username(), "Not-the-Password-1")));
            unknownTimes.add(millis(() -> signInAs("API1", "nosuchuser9", "Not-the-Password-1")));
        }
        assertThat(reload(pat).locked()).isFalse();
        long wrong = Collections.min(wrongTimes);
        long unknown = Collections.min(unknownTimes);
        assertThat(unknown)
                .as("an unknown username costs a password check too (%d ms vs %d ms)", unknown, wrong)
                .isGreaterThanOrEqualTo(wrong / 2);
    }

    @Test
    void fiveWrongPasswordsInARowLockAndTheRightOneThenSaysLocked() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        for (int i = 1; i <= 4; i++) {
            assertThat(outcome(signInAs("API1", pat.username(), "Wrong-Password-" + i)))
                    .isEqualTo("invalid_credentials");
        }
        assertThat(reload(pat).locked()).isFalse();
        assertThat(reload(pat).failedSignIns()).isEqualTo(4);
        signInAs("API1", pat.username(), "Wrong-Password-5");
        assertThat(reload(pat).locked()).isTrue();

        var locked = signInAs("API1", pat.username(), GOOD);
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(outcome(locked)).isEqualTo("locked");
        assertThat(outcome(signInAs("API1", pat.username(), "Wrong-Password-6")))
                .as("a wrong password learns nothing about the lock")
                .isEqualTo("invalid_credentials");
        assertThat(audit(pat)).anyMatch(e -> e.reason() != null && e.reason().contains("locked after 5"));
    }

    @Test
    void aGuesserFromOneAddressIsSlowedAndSomeoneElseIsNot() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        String guesser = "203.0.113.9";
        for (int i = 0; i < 21; i++) { // the allowance, and one past it
            var answer =
                    postFrom(guesser, app.port(), "/api/v1/sign-in", TOKEN, signIn("API1", "guess" + i, "Wrong-" + i));
            assertThat(answer.statusCode()).isEqualTo(401);
        }
        var slowed = postFrom(guesser, app.port(), "/api/v1/sign-in", TOKEN, signIn("API1", pat.username(), GOOD));
        assertThat(slowed.statusCode())
                .as("even the right password waits: one success is no alibi")
                .isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(outcome(slowed)).isEqualTo("throttled");
        assertThat(reload(pat).failedSignIns())
                .as("nothing was checked or counted")
                .isZero();
        assertThat(outcome(signInAs("API1", pat.username(), GOOD)))
                .as("from elsewhere")
                .isEqualTo("signed_in");

        time.advance(java.time.Duration.ofSeconds(2));
        assertThat(postFrom(guesser, app.port(), "/api/v1/sign-in", TOKEN, signIn("API1", "guess22", "Wrong"))
                        .statusCode())
                .as("after the wait, checked again (and the wait doubles)")
                .isEqualTo(401);
    }

    @Test
    void pastTheLockoutThresholdAttemptsOnOneAccountAreSpacedOutWhereverTheyComeFrom() throws Exception {
        Account kim = fixtures.account(clinic).password(GOOD).create();
        for (int i = 0; i < 5; i++) {
            assertThat(signInAs("API1", kim.username(), "Wrong-Password-" + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(reload(kim).locked())
                .as("the guide's lock, at its threshold")
                .isTrue();
        assertThat(signInAs("API1", kim.username(), "Wrong-Password-6").statusCode())
                .as("one past it")
                .isEqualTo(401);
        var spaced = signInAs("API1", kim.username(), GOOD);
        assertThat(spaced.statusCode())
                .as("the locked answer that only the right password gets is not given at once")
                .isEqualTo(429);
        time.advance(java.time.Duration.ofSeconds(2));
        assertThat(signInAs("API1", kim.username(), GOOD).statusCode()).isEqualTo(423);
    }

    @Test
    void aDatabaseOutageIsAnswered503NeverA500() throws Exception {
        var database = new mn.miic.helpdesk.support.SwitchableDataSource(TestDatabase.fresh());
        Application down = new Application(Config.from(Map.of("ACCOUNT_API_TOKEN", TOKEN)), database, time).start(0);
        try {
            database.down(true);
            var answer = post(down.port(), "/api/v1/sign-in", TOKEN, signIn("API1", "anyone1", "Whatever-1"));
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(outcome(answer)).isEqualTo("unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        } finally {
            database.down(false);
            down.stop();
        }
    }

    @Test
    void aSuccessStartsTheCountOver() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        for (int i = 0; i < 4; i++) {
            signInAs("API1", pat.username(), "Wrong-Password-" + i);
        }
        assertThat(outcome(signInAs("API1", pat.username(), GOOD))).isEqualTo("signed_in");
        assertThat(reload(pat).failedSignIns()).isZero();
        for (int i = 0; i < 4; i++) {
            signInAs("API1", pat.username(), "Wrong-Password-" + i);
        }
        assertThat(reload(pat).locked()).isFalse();
    }

    @Test
    void anInactiveAccountSaysWhichInactive() throws Exception {
        Account gone = fixtures.account(clinic)
                .status(AccountStatus.INACTIVE_EXPIRED)
                .password(GOOD)
                .create();
        var answer = signInAs("API1", gone.username(), GOOD);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer).get("outcome").asText()).isEqualTo("inactive");
        assertThat(json(answer).get("status").asText()).isEqualTo("Inactive Expired");
    }

    @Test
    void aTemporaryPasswordMustBeChangedThenTheNewOneSignsIn() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        String temporary = reset(pat);

        var first = signInAs("API1", pat.username(), temporary);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(outcome(first)).isEqualTo("password_change_required");
        assertThat(reload(pat).lastSignInAt()).as("not signed in yet").isNull();

        String mine = "Prairie+Wind-77";
        assertThat(change("API1", pat.username(), temporary, mine).statusCode()).isEqualTo(204);
        assertThat(reload(pat).mustChangePassword()).isFalse();
        assertThat(reload(pat).passwordExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        assertThat(outcome(signInAs("API1", pat.username(), mine))).isEqualTo("signed_in");
        assertThat(outcome(signInAs("API1", pat.username(), temporary))).isEqualTo("invalid_credentials");
        assertThat(audit(pat))
                .anyMatch(e -> e.action() == AuditAction.CHANGE_PASSWORD && e.outcome() == AuditEntry.Outcome.DONE);
        assertThat(audit(pat).toString()).doesNotContain(mine).doesNotContain(temporary);
    }

    @Test
    void anUnusedTemporaryPasswordExpires() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        String temporary = reset(pat);
        time.advance(Duration.ofHours(72).plusMinutes(1));
        var late = signInAs("API1", pat.username(), temporary);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(outcome(late)).isEqualTo("temporary_password_expired");
        assertThat(change("API1", pat.username(), temporary, "Prairie+Wind-77").statusCode())
                .isEqualTo(403);
    }

    // ---- the password policy, rule by rule

    @Test
    void everyBrokenRuleIsNamed() throws Exception {
        Account pat = fixtures.account(clinic)
                .name("Patricia", "Lindqvist")
                .password(GOOD)
                .create();
        assertThat(rulesBrokenBy(pat, "Short-1a")).contains("length");
        assertThat(rulesBrokenBy(pat, "no-uppercase-here-42")).contains("uppercase");
        assertThat(rulesBrokenBy(pat, "NO-LOWERCASE-HERE-42")).contains("lowercase");
        assertThat(rulesBrokenBy(pat, "No-Digits-Here-Ever")).contains("digit");
        assertThat(rulesBrokenBy(pat, "NoSpecialsHere42x")).contains("special");
        assertThat(rulesBrokenBy(pat, "Has Spaces-In-It-42")).contains("whitespace");
        assertThat(rulesBrokenBy(pat, "Xy-" + pat.username() + "-42")).contains("username");
        assertThat(rulesBrokenBy(pat, "Password-123!")).contains("common");
        assertThat(rulesBrokenBy(pat, GOOD)).contains("history");
        assertThat(rulesBrokenBy(pat, "short")).contains("length", "uppercase", "digit", "special");

        String temporary = reset(pat);
        assertThat(rulesBrokenBy(pat, temporary, temporary))
                .as("a temporary password never becomes the long-term one")
                .contains("history");
        assertThat(reload(pat).mustChangePassword()).isTrue();
    }

    @Test
    void aWrongCurrentPasswordCountsAndChangesNothing() throws Exception {
        Account pat = fixtures.account(clinic).password(GOOD).create();
        var answer = change("API1", pat.username(), "Wrong-Password-1", "Prairie+Wind-77");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(reload(pat).failedSignIns()).isEqualTo(1);
        assertThat(outcome(signInAs("API1", pat.username(), GOOD))).isEqualTo("signed_in");
    }

    // ---- helpers

    private List<String> rulesBrokenBy(Account account, String candidate) throws Exception {
        return rulesBrokenBy(account, GOOD, candidate);
    }

    private List<String> rulesBrokenBy(Account account, String current, String candidate) throws Exception {
        var answer = change("API1", account.username(), current, candidate);
        assertThat(answer.statusCode()).as(candidate + ": " + answer.body()).isEqualTo(422);
        List<String> rules = new ArrayList<>();
        json(answer).get("violations").forEach(v -> {
            rules.add(v.get("rule").asText());
            assertThat(v.get("message").asText()).isNotBlank();
        });
        return rules;
    }

    private String reset(Account account) {
        return app.accounts()
                .reset()
                .execute(Actor.account(admin.id()), account.username())
                .password()
                .reveal();
    }

    private HttpResponse<String> signInAs(String org, String username, String password) throws Exception {
        return post(app.port(), "/api/v1/sign-in", TOKEN, signIn(org, username, password));
    }

    private HttpResponse<String> change(String org, String username, String current, String replacement)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "organization_code",
                org,
                "username",
                username,
                "current_password",
                current,
                "new_password",
                replacement));
        return post(app.port(), "/api/v1/password", TOKEN, body);
    }

    static String signIn(String org, String username, String password) throws Exception {
        return JSON.writeValueAsString(Map.of("organization_code", org, "username", username, "password", password));
    }

    /** Each call as from a person of its own (MIIC's sign-in page forwards their address), unless a test says. */
    HttpResponse<String> post(int port, String path, String token, String body) throws Exception {
        return postFrom(
                "198.51.100." + addresses.incrementAndGet() % 250 + ":" + addresses.get(), port, path, token, body);
    }

    HttpResponse<String> postFrom(String address, int port, String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String outcome(HttpResponse<String> answer) throws Exception {
        return json(answer).get("outcome").asText();
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private Account reload(Account account) {
        return new AccountRepository(dsl).findById(account.id()).orElseThrow();
    }

    private List<AuditEntry> audit(Account account) {
        return new AuditLog(dsl).forAccount(account.id(), 100);
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static long millis(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
