package mn.miic.helpdesk.smoke;

import static mn.miic.helpdesk.support.BlockKit.filledIn;
import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.support.FakeSocketMode;
import mn.miic.helpdesk.support.SlackWorkspace;

/**
 * One walk through the bot as its users would take it, on the guide's demo data in a workspace where nobody has used
 * the bot yet: every command {@code /miic help} lists, once, and every form, submitted wrong and then right. Each
 * answer is read as the person would read it. The same walk runs over HTTP and over Socket Mode.
 */
final class EveryCommandAndForm {

    /** How Slack reaches the bot: signed HTTP requests, or envelopes over Socket Mode. */
    interface SlackSide {
        /** {@code /miic text}; returns the response URL path its answers go to. */
        String command(String slackUserId, String text);

        void click(String slackUserId, String responseUrl, String actionId, String value);

        /** Returns the bot's answer to the submission: empty, or a {@code response_action}. */
        String submit(String slackUserId, String callbackId, String metadata, Map<String, ObjectNode> values);

        /** Signed requests to the bot's Request URL; a form's answer is the HTTP response's body. */
        static SlackSide overHttp(SlackWorkspace workspace) {
            return new SlackSide() {
                @Override
                public String command(String slackUserId, String text) {
                    return workspace.command(slackUserId, text);
                }

                @Override
                public void click(String slackUserId, String responseUrl, String actionId, String value) {
                    workspace.click(slackUserId, responseUrl, actionId, value);
                }

                @Override
                public String submit(
                        String slackUserId, String callbackId, String metadata, Map<String, ObjectNode> values) {
                    var answer = workspace.submit(slackUserId, callbackId, metadata, values);
                    assertThat(answer.statusCode())
                            .as("Slack shows its own failure for anything but 200")
                            .isEqualTo(200);
                    return answer.body();
                }
            };
        }

        /** Envelopes over the socket; a form's answer is the acknowledgement's payload. */
        static SlackSide overSocket(FakeSocketMode socket) {
            return new SlackSide() {
                @Override
                public String command(String slackUserId, String text) {
                    return socket.command(slackUserId, text);
                }

                @Override
                public void click(String slackUserId, String responseUrl, String actionId, String value) {
                    socket.click(slackUserId, responseUrl, actionId, value);
                }

                @Override
                public String submit(
                        String slackUserId, String callbackId, String metadata, Map<String, ObjectNode> values) {
                    return socket.submit(slackUserId, callbackId, metadata, values);
                }
            };
        }
    }

    private static final Pattern LISTED = Pattern.compile("`/miic ([a-z]+)");
    private static final String MINNIE = "U0MINNIE";
    private static final String DIANA = "U0DIANA";
    private static final String LONE = "U0LONE";
    private static final String BARBARA = "U0BARBARA";
    private static final String GOOFY = "U0GOOFY";
    private static final String BOB = "U0BOBROSS";

    private final SlackWorkspace workspace;
    private final SlackSide slack;
    private final Set<String> sent = new TreeSet<>();

    EveryCommandAndForm(SlackWorkspace workspace, SlackSide slack) {
        this.workspace = workspace;
        this.slack = slack;
        // Their Slack profiles carry their MIIC emails; none of them has used the bot.
        workspace.slackProfile(MINNIE, "minnie.mouse@email.com");
        workspace.slackProfile(DIANA, "diana.prince@example.org");
        workspace.slackProfile(LONE, "lone.star@example.org");
        workspace.slackProfile(BARBARA, "barbara.gordon@northstar.example.org");
        workspace.slackProfile(GOOFY, "goofy.goof@example.org");
        workspace.slackProfile(BOB, "bob.ross@oldmill.example.org");
    }

    void run() {
        Set<String> listed = new TreeSet<>();
        listed.addAll(commandsIn(say(MINNIE, "help", "Manage your site's MIIC users")));
        listed.addAll(commandsIn(say(DIANA, "help", "link")));

        // What anyone may ask.
        say(MINNIE, "whoami", "mousem2", "Administrator", "Test Clinic");
        say(MINNIE, "roles", "Health System User");
        say(MINNIE, "org", "Test Clinic");
        say(MINNIE, "org TEST1", "TEST1");

        // Looking up accounts.
        say(MINNIE, "users", "Mouse", "lonestar");
        say(MINNIE, "users mouse", "mousem1", "Inactive Expired");
        say(MINNIE, "user lonestar", "Lone Star");
        say(MINNIE, "audit lonestar", "lonestar");
        say(MINNIE, "queue");

        // Actions with a confirmation, and one answered with the account's real state.
        say(MINNIE, "unlock lonestar", "not locked");
        confirm(MINNIE, "reactivate mousem1", "Reactivated");
        confirm(MINNIE, "reset goofg1", "Goofy");
        // Goofy never used the bot, but he is in the workspace: found by his email, he gets it himself.
        awaitDmContaining(GOOFY, "Your MIIC password was reset by");

        // The forms, wrong and then right.
        JsonNode add = open(MINNIE, "add", Ids.Callbacks.ADD_USER);
        Map<String, ObjectNode> newUser = Map.of(
                "first_name", text("Nia"),
                "last_name", text("Newcomb"),
                "username", text("ab"),
                "role", selected("Typical User"),
                "area_code", text("651"),
                "phone", text("555-0123"));
        refusedNextTo(MINNIE, add, "username", newUser);
        saved(MINNIE, add, with(newUser, t -> t.put("username", text("newcombn1"))));
        awaitDmContaining(MINNIE, "Temporary password for *Nia Newcomb*");

        JsonNode edit = open(MINNIE, "edit lonestar", Ids.Callbacks.EDIT_USER);
        refusedNextTo(MINNIE, edit, "email", Map.of("email", text("lone.star@")));
        saved(MINNIE, edit, Map.of("phone", text("555-0199")));

        JsonNode inactivate = open(MINNIE, "inactivate lonestar", Ids.Callbacks.INACTIVATE_USER);
        refusedNextTo(MINNIE, inactivate, "inactivation_reason", Map.of());
        saved(MINNIE, inactivate, Map.of("inactivation_reason", selected("NO_LONGER_NEEDS_ACCESS")));
        confirm(MINNIE, "reactivate lonestar", "Reactivated");
        // Someone who left: offboarded from the Inactivate form with the reason chosen, and back again.
        JsonNode offboard = open(MINNIE, "offboard lonestar", Ids.Callbacks.INACTIVATE_USER);
        saved(MINNIE, offboard, Map.of());
        say(MINNIE, "user lonestar", "Offboarded", "Minnie");
        confirm(MINNIE, "reactivate lonestar", "Reactivated");

        // Data Use Agreements: a site's, and the help desk's MIIC-wide list with a renewal by its form.
        say(MINNIE, "dua", "Test Clinic", "lapses");
        say(MINNIE, "users --dua-before 2000-01-01", "older than 01/01/2000");
        say(BOB, "add", "Data Use Agreement", "lapsed");
        say(DIANA, "dua", "Old Mill Pharmacy", "lapsed", "Record a renewal");
        JsonNode renew = open(DIANA, "dua renew OLDMILL", Ids.Callbacks.RENEW_DUA);
        refusedNextTo(DIANA, renew, "organization", Map.of("organization", text("NOPE")));
        saved(DIANA, renew, Map.of());
        // Old Mill's administrator, whose adds the lapsed agreement stopped, adds again at once.
        open(BOB, "add", Ids.Callbacks.ADD_USER);

        // Access reviews: none waiting, then one the help desk starts, decided in the administrator's DM.
        say(MINNIE, "review", "No access review is waiting for you");
        say(DIANA, "review start TEST1", "Started access review");
        say(MINNIE, "review", "Test Clinic", "to confirm");
        say(DIANA, "review", "Access reviews in progress", "Test Clinic");
        // The figures of requests for help: a site's, and the help desk's MIIC-wide (after the requests below).
        say(MINNIE, "stats", "Requests for help", "your organizations");

        // Asking for help: a question to the help desk, and a locked-out user's request that nobody at the clinic
        // can be reached for (nobody there has used the bot), so it goes to the help-desk channel.
        say(LONE, "request help I cannot find the reports page", "help desk");
        awaitPostContaining(SlackWorkspace.HELPDESK_CHANNEL, "I cannot find the reports page");
        say(BARBARA, "request unlock back from vacation", "sent");
        String unlockRequest = requestIdPostedFor("Barbara Gordon", "unlock");
        clickAndRead(DIANA, Ids.Actions.REQUEST_APPROVE, unlockRequest);
        awaitDmContaining(BARBARA, "unlocked");

        say(BARBARA, "request reset forgot it", "sent");
        String resetRequest = requestIdPostedFor("Barbara Gordon", "reset");
        int opened = workspace.calls("views.open").size();
        clickAndRead(DIANA, Ids.Actions.REQUEST_DENY, resetRequest);
        JsonNode deny = workspace.awaitOpenedView(opened + 1);
        assertThat(deny.get("callback_id").asText()).isEqualTo(Ids.Callbacks.DENY_REQUEST);
        String answer = slack.submit(
                DIANA,
                Ids.Callbacks.DENY_REQUEST,
                deny.get("private_metadata").asText(),
                with(filledIn(deny), t -> t.put("reason", text("Please call us to reset it."))));
        assertThat(answer).doesNotContain("errors");
        awaitDmContaining(BARBARA, "Please call us to reset it.");

        // The help desk links by hand and acts anywhere.
        say(DIANA, "link <@" + GOOFY + "> goofg1", "now linked");
        say(GOOFY, "whoami", "goofg1");
        say(DIANA, "unlink <@" + GOOFY + ">", "no longer linked");
        say(DIANA, "unlink goofg1", "no Slack link to drop");
        confirm(DIANA, "unlock wonderw1", "Unlocked");
        say(DIANA, "queue");
        say(DIANA, "outbox", "Messages the bot owes people", "delivered");
        say(DIANA, "stats", "MIIC-wide", "Decided by the site", "North Star Clinic - Duluth");
        sent.add("request");

        assertThat(sent).as("every command /miic help lists was sent").containsAll(listed);
    }

    // ---- what a person does and reads

    /** Types a command and reads the answer, which must say each of {@code expected}. */
    private String say(String who, String command, String... expected) {
        sent.add(command.split(" ")[0]);
        String answer = read(workspace.reply(slack.command(who, command)));
        for (String words : expected) {
            assertThat(answer).as("/miic %s", command).contains(words);
        }
        return answer;
    }

    private void confirm(String who, String command, String outcome) {
        sent.add(command.split(" ")[0]);
        String replies = slack.command(who, command);
        JsonNode question = workspace.reply(replies);
        read(question);
        slack.click(who, replies, Ids.Actions.CONFIRM, valueOf(question, Ids.Actions.CONFIRM));
        assertThat(read(workspace.reply(replies, 2))).as("/miic %s", command).contains(outcome);
    }

    private void clickAndRead(String who, String actionId, String value) {
        String responseUrl = "/respond/click-" + actionId + "-" + value;
        slack.click(who, responseUrl, actionId, value);
    }

    private JsonNode open(String who, String command, String callbackId) {
        sent.add(command.split(" ")[0]);
        int opened = workspace.calls("views.open").size();
        String replies = slack.command(who, command);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> workspace.calls("views.open").size() > opened);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no form for /miic " + command + "; answered " + workspace.replies(replies));
        }
        JsonNode form = workspace.awaitOpenedView(opened + 1);
        assertThat(form.get("callback_id").asText()).isEqualTo(callbackId);
        return form;
    }

    private void refusedNextTo(String who, JsonNode form, String field, Map<String, ObjectNode> typed) {
        JsonNode answer = readJson(submit(who, form, typed));
        assertThat(answer.path("response_action").asText())
                .as("answer %s", answer)
                .isEqualTo("errors");
        assertThat(answer.get("errors").has(field)).as("answer %s", answer).isTrue();
        read(answer);
    }

    private void saved(String who, JsonNode form, Map<String, ObjectNode> typed) {
        String answer = submit(who, form, typed);
        assertThat(answer).as("saved").contains("clear");
    }

    private String submit(String who, JsonNode form, Map<String, ObjectNode> typed) {
        return slack.submit(
                who,
                form.get("callback_id").asText(),
                form.get("private_metadata").asText(),
                with(filledIn(form), t -> t.putAll(typed)));
    }

    private String requestIdPostedFor(String name, String kind) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> workspace.dmsTo(SlackWorkspace.HELPDESK_CHANNEL).stream()
                        .anyMatch(p -> p.getOrDefault("blocks", "").contains(name)
                                && p.get("blocks").contains(kind)
                                && p.get("blocks").contains(Ids.Actions.REQUEST_APPROVE)));
        JsonNode post = workspace.dmsTo(SlackWorkspace.HELPDESK_CHANNEL).stream()
                .filter(p -> isRequestPost(p, name, kind))
                .reduce((a, b) -> b)
                .map(p -> readJson(p.get("blocks")))
                .orElseThrow();
        read(post);
        return valueOf(post, Ids.Actions.REQUEST_APPROVE);
    }

    private static boolean isRequestPost(Map<String, String> post, String name, String kind) {
        String blocks = post.getOrDefault("blocks", "");
        return blocks.contains(name)
                && blocks.toLowerCase(java.util.Locale.ROOT).contains(kind)
                && blocks.contains(Ids.Actions.REQUEST_APPROVE);
    }

    private void awaitDmContaining(String slackUserId, String words) {
        awaitPostContaining(slackUserId, words);
    }

    private void awaitPostContaining(String channel, String words) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> workspace.dmsTo(channel).stream()
                        .anyMatch(m ->
                                textOf(readJson(m.getOrDefault("blocks", "[]"))).contains(words)));
    }

    /** What a person reads, checked for what nobody should ever read. */
    private static String read(JsonNode message) {
        String text = textOf(message);
        assertThat(text)
                .doesNotContain("Something went wrong")
                .doesNotContain("I don't know")
                .doesNotContain("Exception")
                .doesNotContain("null");
        return text;
    }

    private static Set<String> commandsIn(String help) {
        Set<String> commands = new TreeSet<>();
        Matcher m = LISTED.matcher(help);
        while (m.find()) {
            commands.add(m.group(1));
        }
        return commands;
    }

    private static Map<String, ObjectNode> with(
            Map<String, ObjectNode> values, Consumer<Map<String, ObjectNode>> change) {
        Map<String, ObjectNode> copy = new java.util.LinkedHashMap<>(values);
        change.accept(copy);
        return copy;
    }
}
