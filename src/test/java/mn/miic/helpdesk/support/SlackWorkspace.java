package mn.miic.helpdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A fake Slack workspace for the bot: a {@link FakeSlackApi} and the {@link SlackClient} that posts to the bot as
 * Slack does, with the fake's answers one call away. It talks to a bot in this JVM ({@link SlackHarness}) or to the
 * packaged jar running as a process of its own.
 */
public class SlackWorkspace extends SlackClient implements AutoCloseable {

    public static final String HELPDESK_CHANNEL = "C0HELPDESK";

    public final FakeSlackApi api;
    /** The fake Web API's server, for a test that makes Slack fail on purpose. */
    public final WireMockServer slack;

    /**
     * @param port where the bot listens
     * @param signingClock the bot's own clock, which it checks Slack's timestamps against
     */
    public SlackWorkspace(IntSupplier port, Clock signingClock) {
        this(new FakeSlackApi(), port, signingClock);
    }

    private SlackWorkspace(FakeSlackApi api, IntSupplier port, Clock signingClock) {
        super(api, port, signingClock);
        this.api = api;
        this.slack = api.server;
    }

    public String apiUrl() {
        return api.apiUrl();
    }

    public void slackProfile(String slackUserId, String email) {
        api.slackProfile(slackUserId, email);
    }

    public void slackUser(String slackUserId, String email, String flags) {
        api.slackUser(slackUserId, email, flags);
    }

    public List<JsonNode> replies(String responseUrl) {
        return api.replies(responseUrl);
    }

    public JsonNode reply(String responseUrl, int n) {
        return api.reply(responseUrl, n);
    }

    public JsonNode reply(String responseUrl) {
        return api.reply(responseUrl, 1);
    }

    public List<Map<String, String>> calls(String method) {
        return api.calls(method);
    }

    public List<Map<String, String>> dmsTo(String slackUserId) {
        return api.dmsTo(slackUserId);
    }

    public Map<String, String> awaitDm(String slackUserId, int n) {
        return api.awaitDm(slackUserId, n);
    }

    public JsonNode awaitOpenedView(int n) {
        return api.awaitOpenedView(n);
    }

    public JsonNode lastHomeOf(String slackUserId) {
        return api.lastHomeOf(slackUserId);
    }

    public List<JsonNode> everyPayload() {
        return api.everyPayload();
    }

    public String everythingSent() {
        return api.everythingSent();
    }

    /** Types a command that opens a modal, and returns the modal as the bot opened it. */
    public JsonNode openModal(String slackUserId, String command) {
        int opened = calls("views.open").size();
        String replies = command(slackUserId, command);
        try {
            return awaitOpenedView(opened + 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no modal for " + command + "; replied " + replies(replies), e);
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
