package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.readJson;
import static mn.miic.helpdesk.support.BlockKit.selected;
import static mn.miic.helpdesk.support.BlockKit.text;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static mn.miic.helpdesk.support.BlockKit.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.db.jooq.Tables;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.BlockKit;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text people typed is shown as text: an injection corpus through every view that shows typed text (organization
 * names from an import, inactivation notes, request notes, deny reasons, help-desk questions), checked in the JSON the
 * bot sent. No mrkdwn object may carry Slack markup that came from typing, every one is verbatim (no bare-URL or
 * {@code @channel} parsing), none is over Slack's 3,000 characters, and direction controls are gone everywhere.
 */
class TypedTextTest {

    /** What must never reach Slack as markup. */
    private static final List<String> LIVE =
            List.of("<!channel>", "<!here>", "<@U0ANY>", "<#C0ANY>", "<https://evil.example|Appeal in MIIC>");

    private static final String RTL = "\u202E";
    private static final String CORPUS =
            String.join(" ", LIVE) + " *bold* _it_ ~s~ @channel https://bare.example/x " + RTL + "gnp.exe";

    private final SlackHarness slack = new SlackHarness();
    private final Organization clinic = slack.fixtures.org("TYPED1", OrganizationKind.CLINIC);
    private final Organization elsewhere = slack.fixtures.org("TYPED2", OrganizationKind.CLINIC);
    private final Account ada =
            slack.member(slack.fixtures.account(clinic).role(Role.ADMINISTRATOR).name("Ada", "Admin"), "U0ADA");

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void every_piece_of_typed_text_reaches_slack_as_text() {
        // Organization names, as an import brings them.
        rename(clinic, "Clinic " + CORPUS);
        rename(elsewhere, "Other " + CORPUS);
        Account sam = slack.member(slack.fixtures.account(clinic).name("Sam", "Staff"), "U0SAM");
        Account pat = slack.member(
                slack.fixtures.account(clinic).name("Pat", "Locked").locked(), "U0PAT");

        slack.reply(slack.command("U0ADA", "whoami"));
        slack.reply(slack.command("U0ADA", "users"));
        String refused = textOf(slack.reply(slack.command("U0ADA", "org TYPED2")));
        assertThat(refused).as("a refusal quoting an imported name").contains("&lt;!channel&gt;");

        // An inactivation note, in the owner's DM and the card.
        JsonNode form = slack.openModal("U0ADA", "inactivate " + sam.username());
        var typed = BlockKit.filledIn(form);
        typed.put("inactivation_reason", selected("OTHER"));
        typed.put("inactivation_note", text(CORPUS));
        slack.submit(
                "U0ADA",
                Ids.Callbacks.INACTIVATE_USER,
                form.get("private_metadata").asText(),
                typed);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.reload(sam).status() == AccountStatus.INACTIVE_MANUAL);
        slack.settle();
        assertThat(readJson(slack.awaitDm("U0SAM", 1).get("blocks")).toString())
                .contains("&lt;https://evil.example|Appeal in MIIC&gt;");
        slack.reply(slack.command("U0ADA", "user " + sam.username()));
        slack.reply(slack.command("U0ADA", "audit " + sam.username()));

        // A request's note, to the approver; a deny reason, to the requester; a 3,000-character flood, refused.
        assertThat(textOf(slack.reply(slack.command("U0PAT", "request unlock " + "*bold* ".repeat(430)))))
                .contains("under 500 characters");
        slack.reply(slack.command("U0PAT", "request unlock " + CORPUS));
        JsonNode toAda = readJson(slack.awaitDm("U0ADA", 1).get("blocks"));
        assertThat(toAda.toString()).contains("&lt;!here&gt;");
        String id = valueOf(toAda, Ids.Actions.REQUEST_DENY);
        int opened = slack.calls("views.open").size();
        slack.click("U0ADA", "/respond/deny-" + id, Ids.Actions.REQUEST_DENY, id);
        JsonNode deny = slack.awaitOpenedView(opened + 1);
        slack.submit(
                "U0ADA",
                Ids.Callbacks.DENY_REQUEST,
                deny.get("private_metadata").asText(),
                Map.of("reason", text(CORPUS)));
        slack.settle();
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.dmsTo("U0PAT").stream()
                .anyMatch(m -> m.get("blocks").contains("denied")));
        slack.reply(slack.command("U0ADA", "queue"));

        // A question for the help desk, and one of 3,000 characters.
        slack.reply(slack.command("U0PAT", "request help " + CORPUS));
        assertThat(textOf(slack.reply(slack.command("U0PAT", "request help " + "x".repeat(3_000)))))
                .contains("under 1000 characters");
        slack.settle();
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(m -> SlackHarness.HELPDESK_CHANNEL.equals(m.get("channel"))
                        && m.get("blocks").contains("asks the MIIC help desk")));
        slack.appHomeOpened("U0ADA", "home");
        slack.settle();

        List<String> problems = new ArrayList<>();
        List<JsonNode> payloads = slack.everyPayload();
        for (JsonNode payload : payloads) {
            // A message's top-level text is Slack's notification, and is parsed as mrkdwn too.
            if (payload.path("text").isTextual()) {
                live("a message's text", payload.get("text").asText(), problems);
            }
            inspect(payload, problems);
        }
        assertThat(problems).as("in " + payloads.size() + " payloads").isEmpty();
        assertThat(payloads.toString())
                .as("the corpus was shown, escaped")
                .contains("&lt;!channel&gt;", "&lt;@U0ANY&gt;", "&lt;#C0ANY&gt;");
    }

    /** Every text object below: mrkdwn ones verbatim, within limits, with no live markup; no direction controls. */
    private static void inspect(JsonNode node, List<String> problems) {
        if (node.isObject()) {
            if ("mrkdwn".equals(node.path("type").asText()) && node.path("text").isTextual()) {
                String t = node.get("text").asText();
                if (!node.path("verbatim").asBoolean(false)) {
                    problems.add("not verbatim: " + clip(t));
                }
                if (t.length() > 3_000) {
                    problems.add("over 3,000 characters (" + t.length() + "): " + clip(t));
                }
                live("mrkdwn", t, problems);
            }
            if (node.path("text").isTextual() && node.get("text").asText().contains(RTL)) {
                problems.add("a direction control in " + node.path("type").asText("a message") + ": "
                        + clip(node.get("text").asText()));
            }
            node.elements().forEachRemaining(n -> inspect(n, problems));
        } else if (node.isArray()) {
            node.forEach(n -> inspect(n, problems));
        }
    }

    private static void live(String where, String text, List<String> problems) {
        for (String markup : LIVE) {
            if (text.contains(markup)) {
                problems.add("live markup " + markup + " in " + where + ": " + clip(text));
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    private void rename(Organization org, String name) {
        slack.dsl
                .update(Tables.ORGANIZATION)
                .set(Tables.ORGANIZATION.NAME, name)
                .where(Tables.ORGANIZATION.ID.eq(org.id()))
                .execute();
    }
}
