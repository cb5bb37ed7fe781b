package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "I'm locked out" to "unlocked" through the signed endpoint: asking, the approvers' DMs, the first decision, the
 * help-desk channel, and every copy and the requester kept up to date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsTest {

    private final SlackHarness slack = new SlackHarness();
    private final Organization state = slack.fixtures.org("MTEST", OrganizationKind.STATE);
    private final Organization clinic = slack.fixtures.org("REQ1", OrganizationKind.CLINIC);
    private final Organization other = slack.fixtures.org("OTHER1", OrganizationKind.CLINIC);
    private final Organization system = slack.fixtures.org("RSYS", OrganizationKind.HEALTH_SYSTEM);
    private final Organization child = slack.fixtures.org("RKID", OrganizationKind.CLINIC, system);

    private final Account ada = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Ada", "Admin")
                    .create(),
            "U0ADA");
    private final Account bob = slack.link(
            slack.fixtures
                    .account(clinic)
                    .role(Role.ADMINISTRATOR)
                    .name("Bob", "Boss")
                    .create(),
            "U0BOB");
    private final Account agent = slack.link(
            slack.fixtures
                    .account(state)
                    .role(Role.ADMINISTRATOR)
                    .name("Hal", "Helper")
                    .create(),
            "U0AGENT");

    {
        slack.link(slack.fixtures.account(other).role(Role.ADMINISTRATOR).create(), "U0STRANGER");
        slack.link(
                slack.fixtures
                        .account(system)
                        .role(Role.HEALTH_SYSTEM_USER)
                        .name("Hana", "System")
                        .create(),
                "U0HSU");
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void lockedOutAsksTwoAdministratorsAreAskedOneApprovesAndEveryoneIsUpdated() {
        Account pat = slack.link(
                slack.fixtures.account(clinic).name("Pat", "Locked").locked().create(), "U0PAT");

        String replies = slack.command("U0PAT", "request unlock I mistyped my password on Monday");
        assertThat(textOf(slack.reply(replies))).contains("Request #", "sent", "DM");

        JsonNode toAda = dmBlocks("U0ADA", 1);
        JsonNode toBob = dmBlocks("U0BOB", 1);
        assertThat(textOf(toAda)).contains("Pat Locked", pat.username(), "REQ1", "unlock", "mistyped my password");
        String id = valueOf(toAda, Ids.Actions.REQUEST_APPROVE);
        assertThat(valueOf(toBob, Ids.Actions.REQUEST_APPROVE)).isEqualTo(id);
        assertThat(textOf(dmBlocks("U0PAT", 1))).contains("Ada Admin", "Bob Boss");

        slack.click("U0ADA", "/respond/ada-" + id, Ids.Actions.REQUEST_APPROVE, id);

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.reload(pat).locked());
        await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf("U0BOB").size() >= 1);
        assertThat(textOf(readJson(updatesOf("U0BOB").get(0).get("blocks"))))
                .contains("Approved", "by Ada Admin")
                .doesNotContain("Deny");
        assertThat(updatesOf("U0ADA")).isNotEmpty();
        assertThat(textOf(dmBlocks("U0PAT", 2))).contains("approved by Ada Admin", "unlocked");

        // Bob clicks his copy a moment later: nothing more happens, and he is told who decided.
        slack.click("U0BOB", "/respond/bob-" + id, Ids.Actions.REQUEST_APPROVE, id);
        assertThat(textOf(slack.reply("/respond/bob-" + id))).contains("already decided", "Approved", "Ada Admin");

        List<AuditEntry> trail = slack.auditOf(pat);
        assertThat(trail.stream().map(AuditEntry::action))
                .contains(
                        AuditAction.REQUEST_ASKED,
                        AuditAction.REQUEST_ROUTED,
                        AuditAction.REQUEST_APPROVED,
                        AuditAction.UNLOCK);
        assertThat(trail)
                .filteredOn(e -> e.action() == AuditAction.UNLOCK && e.outcome() == AuditEntry.Outcome.DONE)
                .hasSize(1)
                .allMatch(e -> "U0ADA".equals(e.actorSlackUserId()));
    }

    @Test
    void anApprovedResetSendsThePasswordToTheRequesterOnly() {
        Account sam =
                slack.link(slack.fixtures.account(clinic).name("Sam", "Forgot").create(), "U0SAM");
        int before = dmsTo("U0ADA");
        slack.command("U0SAM", "request reset");
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);
        slack.click("U0BOB", "/respond/bob-reset-" + id, Ids.Actions.REQUEST_APPROVE, id);

        String password = AccountCommandsTest.temporaryPasswordIn(
                slack.awaitDm("U0SAM", 2).get("blocks"));
        assertThat(slack.reload(sam).mustChangePassword()).isTrue();
        assertThat(slack.everythingSent().split(java.util.regex.Pattern.quote(password), -1))
                .as("in exactly one message: the requester's DM")
                .hasSize(2);
    }

    @Test
    void nobodyAnswersSoTheHelpDeskClaimsAndDenies() {
        Account lee = slack.link(
                slack.fixtures.account(clinic).name("Lee", "Waiting").locked().create(), "U0LEE");
        int before = dmsTo("U0ADA");
        slack.command("U0LEE", "request unlock");
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);

        slack.instances().get(0).requests().escalate().run();
        slack.settle();
        assertThat(channelPostsAbout("Lee Waiting"))
                .as("not yet: 30 minutes have not passed")
                .isEmpty();

        slack.advance(Duration.ofMinutes(31));
        slack.instances().get(0).requests().escalate().run();
        slack.instances().get(0).requests().escalate().run();
        slack.settle();

        assertThat(channelPostsAbout("Lee Waiting")).as("posted once").hasSize(1);
        JsonNode post = readJson(channelPostsAbout("Lee Waiting").get(0).get("blocks"));
        assertThat(textOf(post)).contains("Lee Waiting", "within 30 minutes");
        assertThat(valueOf(post, Ids.Actions.REQUEST_CLAIM)).isEqualTo(id);
        assertThat(textOf(dmBlocks("U0LEE", 2))).contains("MIIC help desk");

        slack.click("U0AGENT", "/respond/claim-" + id, Ids.Actions.REQUEST_CLAIM, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf(SlackHarness.HELPDESK_CHANNEL).stream()
                .anyMatch(u -> u.get("blocks").contains("Claimed by Hal Helper")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> textOf(latestDm("U0LEE")).contains("looking at"));

        // Deny opens a form for the reason; the submission decides.
        int opened = slack.calls("views.open").size();
        slack.click("U0AGENT", "/respond/deny-" + id, Ids.Actions.REQUEST_DENY, id);
        JsonNode form = slack.awaitOpenedView(opened + 1);
        assertThat(form.get("callback_id").asText()).isEqualTo(Ids.Callbacks.DENY_REQUEST);
        slack.submit(
                "U0AGENT",
                Ids.Callbacks.DENY_REQUEST,
                form.get("private_metadata").asText(),
                Map.of("reason", text("Your account was shared; call us to get your own.")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> textOf(latestDm("U0LEE")).contains("denied"));
        assertThat(textOf(latestDm("U0LEE"))).contains("denied by Hal Helper", "call us to get your own");
        assertThat(slack.reload(lee).locked()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf(SlackHarness.HELPDESK_CHANNEL).stream()
                .anyMatch(u -> u.get("blocks").contains("Denied")));
        assertThat(updatesOf("U0ADA")).anyMatch(u -> u.get("blocks").contains("Denied"));
        assertThat(slack.auditOf(lee).stream().map(AuditEntry::action))
                .contains(AuditAction.REQUEST_ESCALATED, AuditAction.REQUEST_CLAIMED, AuditAction.REQUEST_DENIED);
    }

    @Test
    void withNoLinkedManagerTheRequestGoesStraightToTheHelpDesk() {
        Organization alone = slack.fixtures.org("ALONE1", OrganizationKind.CLINIC);
        Account kim = slack.link(
                slack.fixtures.account(alone).name("Kim", "Alone").locked().create(), "U0KIM");
        slack.command("U0KIM", "request unlock");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !channelPostsAbout("Kim Alone").isEmpty());
        String post = channelPostsAbout("Kim Alone").get(0).get("blocks");
        assertThat(post).contains("No linked administrator");
        assertThat(textOf(dmBlocks("U0KIM", 1))).contains("MIIC help desk");

        String id = valueOf(readJson(post), Ids.Actions.REQUEST_APPROVE);
        slack.click("U0AGENT", "/respond/kim-" + id, Ids.Actions.REQUEST_APPROVE, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.reload(kim).locked());
    }

    @Test
    void aHealthSystemUserOfTheParentIsAskedAfterTheSitesOwnAdministrators() {
        slack.link(
                slack.fixtures
                        .account(child)
                        .role(Role.ADMINISTRATOR)
                        .name("Kit", "Kidadmin")
                        .create(),
                "U0KITADMIN");
        Account staff = slack.link(slack.fixtures.account(child).locked().create(), "U0KIDSTAFF");
        int hsuDms = dmsTo("U0HSU");
        slack.command("U0KIDSTAFF", "request unlock");
        assertThat(textOf(dmBlocks("U0KIDSTAFF", 1))).contains("Kit Kidadmin, Hana System");
        String id = valueOf(dmBlocks("U0HSU", hsuDms + 1), Ids.Actions.REQUEST_APPROVE);
        slack.click("U0HSU", "/respond/hsu-" + id, Ids.Actions.REQUEST_APPROVE, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.reload(staff).locked());
    }

    @Test
    void refusals() {
        Account jo = slack.link(slack.fixtures.account(clinic).locked().create(), "U0JO");

        // Asking about someone else's account.
        assertThat(textOf(slack.reply(slack.command("U0JO", "request unlock " + ada.username()))))
                .contains("only ask for help with your own");
        // A request that would do nothing, answered with the real state.
        assertThat(textOf(slack.reply(slack.command("U0JO", "request reactivate"))))
                .contains("already active", "Active, Locked", "Nothing was sent");
        // Not a kind of request.
        assertThat(textOf(slack.reply(slack.command("U0JO", "request coffee")))).contains("/miic request unlock");

        int before = dmsTo("U0ADA");
        slack.reply(slack.command("U0JO", "request unlock"));
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);

        // An administrator of another clinic: the account is not in their scope.
        slack.click("U0STRANGER", "/respond/stranger-" + id, Ids.Actions.REQUEST_APPROVE, id);
        assertThat(textOf(slack.reply("/respond/stranger-" + id))).contains("No MIIC account");
        assertThat(slack.reload(jo).locked()).isTrue();
        // Nor may they open the form that denies it: it would show the request.
        int opened = slack.calls("views.open").size();
        slack.click("U0STRANGER", "/respond/stranger-deny-" + id, Ids.Actions.REQUEST_DENY, id);
        assertThat(textOf(slack.reply("/respond/stranger-deny-" + id))).contains("No MIIC account");
        assertThat(slack.calls("views.open")).hasSize(opened);
        // A help-desk agent whose own account is locked claims nothing.
        slack.link(
                slack.fixtures.account(state).role(Role.ADMINISTRATOR).locked().create(), "U0LOCKEDAGENT");
        slack.click("U0LOCKEDAGENT", "/respond/locked-claim-" + id, Ids.Actions.REQUEST_CLAIM, id);
        assertThat(textOf(slack.reply("/respond/locked-claim-" + id))).contains("you cannot claim requests");
        slack.click("U0LOCKEDAGENT", "/respond/locked-approve-" + id, Ids.Actions.REQUEST_APPROVE, id);
        assertThat(textOf(slack.reply("/respond/locked-approve-" + id))).contains("Your MIIC account is");
        slack.click("U0LOCKEDAGENT", "/respond/locked-deny-" + id, Ids.Actions.REQUEST_DENY, id);
        assertThat(textOf(slack.reply("/respond/locked-deny-" + id))).contains("you cannot decide requests");
        assertThat(slack.calls("views.open")).as("no deny form for them either").hasSize(opened);
        assertThat(slack.reload(jo).locked()).isTrue();

        // Bob lost the manager role since his DM was sent.
        slack.dsl
                .update(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT)
                .set(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT.ROLE, Role.TYPICAL_USER.name())
                .where(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT.ID.eq(bob.id()))
                .execute();
        try {
            slack.click("U0BOB", "/respond/bob-lost-" + id, Ids.Actions.REQUEST_APPROVE, id);
            assertThat(textOf(slack.reply("/respond/bob-lost-" + id))).contains("Only a MIIC administrator");
            assertThat(slack.reload(jo).locked()).isTrue();
        } finally {
            slack.dsl
                    .update(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT)
                    .set(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT.ROLE, Role.ADMINISTRATOR.name())
                    .where(mn.miic.helpdesk.db.jooq.Tables.ACCOUNT.ID.eq(bob.id()))
                    .execute();
        }

        // The same kind again while it is open.
        assertThat(textOf(slack.reply(slack.command("U0JO", "request unlock")))).contains("still open");
        // A second request, approved; a third; and a fourth within 24 hours is one too many.
        int dms = dmsTo("U0ADA");
        slack.reply(slack.command("U0JO", "request reset"));
        String reset = valueOf(dmBlocks("U0ADA", dms + 1), Ids.Actions.REQUEST_APPROVE);
        slack.click("U0ADA", "/respond/jo-reset-" + reset, Ids.Actions.REQUEST_APPROVE, reset);
        slack.reply("/respond/jo-reset-" + reset);
        assertThat(textOf(slack.reply(slack.command("U0JO", "request reset")))).contains("Request #");
        assertThat(textOf(slack.reply(slack.command("U0JO", "request reset")))).contains("3 times");
        assertThat(slack.auditOf(jo))
                .filteredOn(e -> e.action() == AuditAction.REQUEST_ASKED && e.outcome() == AuditEntry.Outcome.REFUSED)
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anApprovalActsOnTheAccountTheRequestWasFiledForEvenWhenItsUsernameNowNamesAnother() {
        Account kim = slack.link(
                slack.fixtures.account(clinic).name("Kim", "Filed").locked().create(), "U0KIM");
        Account other =
                slack.fixtures.account(clinic).username("kimnamesake1").locked().create();
        int before = dmsTo("U0ADA");
        slack.reply(slack.command("U0KIM", "request unlock"));
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);
        var owner = slack.asOwner();
        // The worst moment: the two accounts swap usernames (two edits) as the approval is being decided, after
        // the bot has read the request and before it locks the account. A trigger puts the swap exactly there.
        owner.execute("create function swap_usernames() returns trigger language plpgsql as $$ begin"
                + " update account set username = 'kimswap0' where id = " + kim.id() + ";"
                + " update account set username = '" + kim.username() + "' where id = " + other.id() + ";"
                + " update account set username = 'kimnamesake1' where id = " + kim.id() + ";"
                + " return new; end $$");
        owner.execute("create trigger swap_usernames after update of status on help_request for each row"
                + " when (new.status = 'APPROVED') execute function swap_usernames()");
        try {
            slack.click("U0ADA", "/respond/kim-" + id, Ids.Actions.REQUEST_APPROVE, id);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !slack.reload(kim).locked());
            assertThat(slack.reload(other).locked())
                    .as("the namesake is untouched")
                    .isTrue();
        } finally {
            owner.execute("drop trigger swap_usernames on help_request");
            owner.execute("drop function swap_usernames()");
        }
    }

    @Test
    void twoApprovalsAtTheSameInstantOnTwoInstancesTakeEffectOnce() throws Exception {
        int second = slack.startInstance();
        for (int round = 0; round < 3; round++) {
            Account racer = slack.link(slack.fixtures.account(clinic).locked().create(), "U0RACE" + round);
            int before = dmsTo("U0ADA");
            slack.command("U0RACE" + round, "request unlock");
            String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            int first = slack.port();
            String r = "/respond/race-" + round;
            two.submit(() -> clickAfter(go, first, "U0ADA", r + "a", id));
            two.submit(() -> clickAfter(go, second, "U0BOB", r + "b", id));
            go.countDown();
            two.shutdown();
            assertThat(two.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !slack.reload(racer).locked());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> slack.replies(r + "a").size()
                                    + slack.replies(r + "b").size()
                            >= 2);
            assertThat(slack.auditOf(racer))
                    .filteredOn(e -> e.outcome() == AuditEntry.Outcome.DONE)
                    .filteredOn(e -> e.action() == AuditAction.UNLOCK || e.action() == AuditAction.REQUEST_APPROVED)
                    .hasSize(2);
            String both = textOf(slack.reply(r + "a")) + textOf(slack.reply(r + "b"));
            assertThat(both).contains("Approved request #" + id).contains("already decided");
        }
    }

    @Test
    void escalationRunsOnceAcrossInstancesAndAfterARestart() throws Exception {
        Organization quiet = slack.fixtures.org("QUIET1", OrganizationKind.CLINIC);
        slack.link(slack.fixtures.account(quiet).role(Role.ADMINISTRATOR).create(), "U0QUIETADMIN");
        slack.link(slack.fixtures.account(quiet).locked().create(), "U0QUIET");
        slack.command("U0QUIET", "request unlock");
        dmBlocks("U0QUIETADMIN", 1);
        int posts = channelPosts().size();

        // Two instances started later (as after a restart) run the escalation at the same moment.
        slack.advance(Duration.ofMinutes(45));
        slack.startInstance();
        slack.startInstance();
        var instances = slack.instances();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        for (var app : instances.subList(instances.size() - 2, instances.size())) {
            two.submit(() -> {
                go.await();
                app.requests().escalate().run();
                return null;
            });
        }
        go.countDown();
        two.shutdown();
        assertThat(two.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        slack.settle();
        assertThat(channelPosts().stream().filter(p -> p.get("blocks").contains("QUIET1")))
                .hasSize(1);
        assertThat(channelPosts()).hasSizeGreaterThan(posts);
    }

    @Test
    void theQueueAndTheAppHomeShowWhatCanBeActedOn() {
        Account max = slack.link(
                slack.fixtures.account(clinic).name("Max", "Queue").locked().create(), "U0MAX");
        int before = dmsTo("U0ADA");
        slack.command("U0MAX", "request unlock please");
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);
        slack.advance(Duration.ofMinutes(12));

        JsonNode queue = slack.reply(slack.command("U0ADA", "queue"));
        assertThat(textOf(queue)).contains("Max Queue", "Waiting 12 min");
        assertThat(queue.toString()).contains("\"value\":\"" + id + "\"");

        JsonNode own = slack.reply(slack.command("U0MAX", "queue"));
        assertThat(textOf(own)).contains("Your open requests", "unlock");

        slack.appHomeOpened("U0ADA", "home");
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.lastHomeOf("U0ADA") != null);
        assertThat(textOf(slack.lastHomeOf("U0ADA"))).contains("Locked:", max.username(), "Open requests", "Max Queue");

        int published = slack.calls("views.publish").size();
        slack.click("U0ADA", "/respond/home-" + id, Ids.Actions.REQUEST_APPROVE, id);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.calls("views.publish").size() > published
                        && slack.lastHomeOf("U0MAX") != null
                        && textOf(slack.lastHomeOf("U0MAX")).contains("Active, Unlocked"));
        assertThat(slack.reload(max).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void theAppHomeButtonAsksAndAnswersByDm() {
        Account val = slack.link(
                slack.fixtures.account(clinic).name("Val", "Home").locked().create(), "U0VAL");
        int before = dmsTo("U0ADA");
        slack.clickOnHome("U0VAL", Ids.Actions.askButton(mn.miic.helpdesk.requests.RequestKind.UNLOCK), "UNLOCK");
        assertThat(textOf(dmBlocks("U0ADA", before + 1))).contains("Val Home", "unlock");
        assertThat(textOf(dmBlocks("U0VAL", 1))).contains("I sent your unlock request");

        // Asked again from the home while it is open: the answer comes by DM, as the home has no reply URL.
        slack.clickOnHome("U0VAL", Ids.Actions.askButton(mn.miic.helpdesk.requests.RequestKind.UNLOCK), "UNLOCK");
        assertThat(textOf(dmBlocks("U0VAL", 2))).contains("still open");
        assertThat(slack.reload(val).locked()).isTrue();
    }

    @Test
    void aRequestNobodyDecidesIsClosedAfterItsLifetime() {
        Account ivy = slack.link(
                slack.fixtures.account(clinic).name("Ivy", "Forgotten").locked().create(), "U0IVY");
        int before = dmsTo("U0ADA");
        slack.command("U0IVY", "request unlock");
        String id = valueOf(dmBlocks("U0ADA", before + 1), Ids.Actions.REQUEST_APPROVE);

        slack.advance(Duration.ofDays(3).plusMinutes(1));
        slack.instances().get(0).requests().expire().run();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> textOf(latestDm("U0IVY")).contains("was closed"));
        assertThat(textOf(latestDm("U0IVY"))).contains("nobody decided within 72 hours", "/miic request");
        assertThat(updatesOf("U0ADA")).anyMatch(u -> u.get("blocks").contains("Closed"));
        assertThat(slack.auditOf(ivy)).anyMatch(e -> e.action() == AuditAction.REQUEST_EXPIRED);

        // A click on an old copy changes nothing and says why.
        slack.click("U0ADA", "/respond/ivy-" + id, Ids.Actions.REQUEST_APPROVE, id);
        assertThat(textOf(slack.reply("/respond/ivy-" + id))).contains("already decided", "Closed");
        assertThat(slack.reload(ivy).locked()).isTrue();
    }

    @Test
    void anyoneWritesToTheHelpDeskLinkedOrNot() {
        Account ned =
                slack.link(slack.fixtures.account(clinic).name("Ned", "Asks").create(), "U0NED");
        assertThat(textOf(slack.reply(slack.command("U0NED", "request help I moved to a new clinic <today>"))))
                .contains("Sent to the MIIC help desk");
        slack.settle();
        String post = channelPostsAbout("I moved to a new clinic").get(0).get("blocks");
        assertThat(textOf(readJson(post))).contains("<@U0NED>", "Ned Asks", ned.username(), "REQ1", "&lt;today&gt;");
        assertThat(slack.auditOf(ned)).anyMatch(e -> e.action() == AuditAction.HELP_DESK_QUESTION);

        slack.slackProfile("U0NEWCOMER", "newcomer@example.org");
        slack.reply(slack.command("U0NEWCOMER", "request help My Slack is not linked to MIIC"));
        slack.settle();
        assertThat(channelPostsAbout("My Slack is not linked").get(0).get("blocks"))
                .contains("not linked to a MIIC account");

        assertThat(textOf(slack.reply(slack.command("U0NED", "request help")))).contains("Write your question");
    }

    // ---- helpers

    private void clickAfter(CountDownLatch go, int port, String user, String responseUrl, String id) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        slack.clickOn(port, user, responseUrl, Ids.Actions.REQUEST_APPROVE, id);
    }

    private int dmsTo(String user) {
        return slack.dmsTo(user).size();
    }

    private JsonNode dmBlocks(String user, int n) {
        return readJson(slack.awaitDm(user, n).get("blocks"));
    }

    private JsonNode latestDm(String user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.dmsTo(user).isEmpty());
        var all = slack.dmsTo(user);
        return readJson(all.get(all.size() - 1).get("blocks"));
    }

    private List<Map<String, String>> channelPosts() {
        return slack.dmsTo(SlackHarness.HELPDESK_CHANNEL);
    }

    private List<Map<String, String>> channelPostsAbout(String name) {
        return channelPosts().stream()
                .filter(p -> p.get("blocks").contains(name))
                .toList();
    }

    private List<Map<String, String>> updatesOf(String channel) {
        return slack.calls("chat.update").stream()
                .filter(u -> channel.equals(u.get("channel")))
                .toList();
    }
}
