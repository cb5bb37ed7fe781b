package mn.miic.helpdesk.signin;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.SlackHarness;
import mn.miic.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in API under attack does not take Slack down: 500 wrong sign-ins for random and real usernames from 32
 * threads, while an administrator unlocks someone in Slack. Argon2 runs on a bounded verifier with no connection
 * held, sign-ins have a share of the pool, and guessers are slowed per address and per account.
 */
class SignInFloodTest {

    private static final String TOKEN = "flood-token-0123456789abcdef0123456789";

    // The pool Main makes: ten connections for Slack, the jobs and the sign-ins together.
    private final SlackHarness slack = new SlackHarness(TestDatabase.pooled(), Map.of("ACCOUNT_API_TOKEN", TOKEN));
    private final HttpClient http =
            HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    private final Organization clinic = slack.fixtures.org("FLOOD1", OrganizationKind.CLINIC);

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void a_flood_of_wrong_sign_ins_is_answered_and_slack_keeps_working() throws Exception {
        slack.link(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).create(), "U0FLOODADMIN");
        Account lee = slack.fixtures.account(clinic).locked().create();
        List<Account> real = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            real.add(slack.fixtures
                    .account(clinic)
                    .password("Right-Password-" + i)
                    .create());
        }
        Account bystander =
                slack.fixtures.account(clinic).password("Bystander-Password-1").create();
        System.gc();
        long heapBefore = usedHeap();

        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService attackers = Executors.newFixedThreadPool(32);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = i;
            attempts.add(attackers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String username = n % 2 == 0
                        ? real.get(random.nextInt(real.size())).username()
                        : "nobody" + random.nextInt(100_000);
                // An attacker who waits out every "busy", as Retry-After asks, from one of four addresses.
                int status;
                do {
                    status =
                            signIn("10.66.0." + (n % 4), username, "Guess-" + n).statusCode();
                    statuses.add(status);
                    if (status == 503) {
                        Thread.sleep(20);
                    }
                } while (status == 503);
                return null;
            }));
        }
        ExecutorService probe = Executors.newSingleThreadExecutor();
        Future<List<Integer>> ready = probe.submit(() -> {
            List<Integer> seen = new ArrayList<>();
            while (flooding.get()) {
                seen.add(get("/readyz").statusCode());
                Thread.sleep(50);
            }
            return seen;
        });

        // The administrator's unlock, in the thick of it.
        Thread.sleep(200);
        String replies = slack.command("U0FLOODADMIN", "unlock " + lee.username());
        long clicked = System.nanoTime();
        slack.click("U0FLOODADMIN", replies, Ids.Actions.CONFIRM, valueOf(slack.reply(replies), Ids.Actions.CONFIRM));
        String unlocked = textOf(slack.reply(replies, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - clicked);

        for (Future<?> attempt : attempts) {
            attempt.get(2, TimeUnit.MINUTES);
        }
        flooding.set(false);
        attackers.shutdown();
        List<Integer> readiness = ready.get(10, TimeUnit.SECONDS);
        probe.shutdown();

        assertThat(unlocked).contains("Unlocked");
        assertThat(took).as("the unlock answered during the flood").isLessThan(Duration.ofSeconds(2));
        assertThat(readiness).isNotEmpty().containsOnly(200);
        assertThat(statuses).as("every refusal answered, never a 500").isSubsetOf(401, 429, 503);
        assertThat(statuses).as("guessers are slowed").contains(429);
        System.gc();
        assertThat(usedHeap() - heapBefore).as("memory stays bounded").isLessThan(256L * 1024 * 1024);

        // Someone else signs in from their own address at once: the guessers' back-off is theirs alone.
        HttpResponse<String> after = signIn("192.0.2.7", bystander.username(), "Bystander-Password-1");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(String address, String username, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + AccountApi.SIGN_IN_PATH))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(AccountApiTest.signIn("FLOOD1", username, password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + slack.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
