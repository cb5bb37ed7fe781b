package mn.miic.helpdesk.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Slack's side of the playground: the conversations, App Home tabs and open modals of each person, the seven Web API
 * methods the bot calls ({@code SlackApi.METHOD_SCOPES}), and the response URLs it answers through. Each method
 * answers with Slack's own fields and error codes, so the bot runs exactly as it does against Slack.
 */
public final class SlackStandIn {

    /** Slack gives 3 seconds to open a modal with a trigger. */
    static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace;
    private final String botToken;
    private final Supplier<Clock> clock;
    private final Map<String, List<Message>> conversations = new LinkedHashMap<>();
    private final Map<String, JsonNode> homes = new HashMap<>();
    private final Map<String, Deque<ObjectNode>> modals = new HashMap<>();
    private final Map<String, Trigger> triggers = new HashMap<>();
    private final Map<String, Origin> responseUrls = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long sequence;
    private long version;

    /** A message as a person sees it: the bot's, or a command they typed; {@code onlyFor} makes it ephemeral. */
    public record Message(
            String ts, String channel, String author, String text, JsonNode blocks, String onlyFor, boolean edited) {

        Message edited(String newText, JsonNode newBlocks) {
            return new Message(ts, channel, author, newText, newBlocks, onlyFor, true);
        }
    }

    /** Where a click or command came from: what its response URL answers into. */
    record Origin(String user, String channel, String messageTs) {}

    private record Trigger(String user, Instant issuedAt) {}

    /** @param clock the bot's clock (read when asked: the bot is built after its stand-in) */
    public SlackStandIn(Workspace workspace, String botToken, Supplier<Clock> clock) {
        this.workspace = workspace;
        this.botToken = botToken;
        this.clock = clock;
        conversations.put(Workspace.HELPDESK_CHANNEL, new ArrayList<>());
        workspace.members().forEach(m -> conversations.put(Workspace.dmOf(m.id()), new ArrayList<>()));
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Called after every change, so that the page can show it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public synchronized long version() {
        return version;
    }

    // ---- The Web API ---------------------------------------------------------------------------------------------

    /** One Web API call, its parameters as the bot sent them (a form, or a JSON body). */
    public ObjectNode call(String method, String authorization, Map<String, String> params) {
        if (authorization == null || !authorization.equals("Bearer " + botToken)) {
            return error(authorization == null ? "not_authed" : "invalid_auth");
        }
        return switch (method) {
            case "auth.test" -> authTest();
            case "users.info" -> userInfo(params.get("user"));
            case "users.lookupByEmail" -> lookupByEmail(params.get("email"));
            case "chat.postMessage" -> postMessage(params);
            case "chat.update" -> update(params);
            case "views.open" -> openView(params);
            case "views.publish" -> publish(params);
            default -> error("unknown_method");
        };
    }

    private ObjectNode authTest() {
        return ok().put("url", "https://miic-playground.slack.com/")
                .put("team", Workspace.TEAM_NAME)
                .put("user", "miic-helpdesk")
                .put("team_id", Workspace.TEAM_ID)
                .put("user_id", Workspace.BOT_USER)
                .put("bot_id", "B0MIICBOT");
    }

    private ObjectNode userInfo(String id) {
        return userAnswer(workspace.member(id == null ? "" : id), "user_not_found");
    }

    private ObjectNode lookupByEmail(String email) {
        return userAnswer(workspace.withEmail(email == null ? "" : email), "users_not_found");
    }

    /** users.info and users.lookupByEmail answer alike, but for their error code. */
    private static ObjectNode userAnswer(Optional<Member> member, String notFound) {
        return member.map(m -> {
                    ObjectNode ok = ok();
                    ok.set("user", user(m));
                    return ok;
                })
                .orElseGet(() -> error(notFound));
    }

    /** The user object of {@code users.info}: a full member of this workspace, in Minnesota's time zone. */
    static ObjectNode user(Member m) {
        ObjectNode u = JSON.createObjectNode()
                .put("id", m.id())
                .put("team_id", Workspace.TEAM_ID)
                .put("name", m.displayName())
                .put("real_name", m.realName())
                .put("deleted", false)
                .put("is_bot", false)
                .put("is_app_user", false)
                .put("is_restricted", false)
                .put("is_ultra_restricted", false)
                .put("tz", "America/Chicago");
        u.putObject("profile")
                .put("email", m.email())
                .put("real_name", m.realName())
                .put("display_name", m.displayName())
                .put("title", m.title());
        return u;
    }

    /** What chat.postMessage and chat.update both name: a conversation and blocks; or Slack's error for them. */
    private record Post(String channel, JsonNode blocks, String error) {}

    private Post post(Map<String, String> params) {
        String channel = conversationOf(params.get("channel"));
        if (channel == null) {
            return new Post(null, null, "channel_not_found");
        }
        JsonNode blocks = blocks(params.get("blocks"));
        return blocks == null ? new Post(channel, null, "invalid_blocks") : new Post(channel, blocks, null);
    }

    private ObjectNode postMessage(Map<String, String> params) {
        Post post = post(params);
        if (post.error() != null) {
            return error(post.error());
        }
        String channel = post.channel();
        if (isBlank(params.get("text")) && post.blocks().isEmpty()) {
            return error("no_text");
        }
        Message message;
        synchronized (this) {
            message =
                    new Message(nextTs(), channel, Workspace.BOT_USER, params.get("text"), post.blocks(), null, false);
            conversations.get(channel).add(message);
        }
        changed();
        ObjectNode ok = ok().put("channel", channel).put("ts", message.ts());
        ok.putObject("message")
                .put("type", "message")
                .put("text", message.text())
                .put("ts", message.ts())
                .put("user", Workspace.BOT_USER);
        return ok;
    }

    private ObjectNode update(Map<String, String> params) {
        Post post = post(params);
        if (post.error() != null) {
            return error(post.error());
        }
        String channel = post.channel();
        synchronized (this) {
            List<Message> messages = conversations.get(channel);
            int at = indexOf(messages, params.get("ts"));
            if (at < 0 || messages.get(at).onlyFor() != null) {
                return error("message_not_found");
            }
            if (!Workspace.BOT_USER.equals(messages.get(at).author())) {
                return error("cant_update_message");
            }
            messages.set(at, messages.get(at).edited(params.get("text"), post.blocks()));
        }
        changed();
        return ok().put("channel", channel).put("ts", params.get("ts"));
    }

    private ObjectNode openView(Map<String, String> params) {
        ObjectNode view;
        try {
            view = view(params.get("view"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return error("invalid_arguments");
        }
        synchronized (this) {
            Trigger trigger = triggers.remove(params.get("trigger_id"));
            if (trigger == null) {
                return error("invalid_trigger_id");
            }
            if (trigger.issuedAt().plus(TRIGGER_LIFETIME).isBefore(now())) {
                return error("expired_trigger_id");
            }
            Deque<ObjectNode> stack = new ArrayDeque<>();
            stack.push(view);
            modals.put(trigger.user(), stack);
        }
        changed();
        ObjectNode ok = ok();
        ok.set("view", view);
        return ok;
    }

    private ObjectNode publish(Map<String, String> params) {
        String user = params.get("user_id");
        if (workspace.member(user == null ? "" : user).isEmpty()) {
            return error("user_not_found");
        }
        ObjectNode view;
        try {
            view = view(params.get("view"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return error("invalid_arguments");
        }
        if (!"home".equals(view.path("type").asText())) {
            return error("invalid_arguments");
        }
        synchronized (this) {
            homes.put(user, view);
        }
        changed();
        ObjectNode ok = ok();
        ok.set("view", view);
        return ok;
    }

    // ---- Response URLs -------------------------------------------------------------------------------------------

    /** A response URL for a command or click, answering into where it came from. */
    synchronized String responseUrlFor(Origin origin) {
        String id = UUID.randomUUID().toString();
        responseUrls.put(id, origin);
        return id;
    }

    /**
     * A message posted to a response URL: ephemeral unless it says {@code in_channel}; in place of the message clicked
     * with {@code replace_original}, or removing it with {@code delete_original}.
     *
     * @return false when no such response URL was given
     */
    public boolean respond(String responseUrlId, JsonNode body) {
        Origin origin;
        synchronized (this) {
            origin = responseUrls.get(responseUrlId);
            if (origin == null) {
                return false;
            }
            List<Message> messages = conversations.get(origin.channel());
            int at = origin.messageTs() == null ? -1 : indexOf(messages, origin.messageTs());
            String text = body.path("text").asText(null);
            JsonNode blocks = body.path("blocks").isArray() ? body.get("blocks") : JSON.createArrayNode();
            if (body.path("delete_original").asBoolean(false)) {
                if (at >= 0) {
                    messages.remove(at);
                }
            } else if (body.path("replace_original").asBoolean(false) && at >= 0) {
                messages.set(at, messages.get(at).edited(text, blocks));
            } else {
                boolean inChannel =
                        "in_channel".equals(body.path("response_type").asText());
                messages.add(new Message(
                        nextTs(),
                        origin.channel(),
                        Workspace.BOT_USER,
                        text,
                        blocks,
                        inChannel ? null : origin.user(),
                        false));
            }
        }
        changed();
        return true;
    }

    // ---- What Slack's servers do for a person ------------------------------------------------------------------

    /** A trigger for one modal, as Slack gives with every command, click and submission. */
    synchronized String newTrigger(String user) {
        String id = now().getEpochSecond() + "." + (++sequence) + ".playground";
        triggers.put(id, new Trigger(user, now()));
        return id;
    }

    /** What the person typed, shown to them only (Slack shows nothing; a trainer's room wants to see it). */
    void typed(String user, String channel, String text) {
        synchronized (this) {
            conversations
                    .get(channel)
                    .add(new Message(nextTs(), channel, user, text, JSON.createArrayNode(), user, false));
        }
        changed();
    }

    /** Slack's own ephemeral line when an app did not answer as it must. */
    void slackSays(String user, String channel, String text) {
        synchronized (this) {
            conversations
                    .get(channel)
                    .add(new Message(nextTs(), channel, "USLACKBOT", text, JSON.createArrayNode(), user, false));
        }
        changed();
    }

    synchronized Optional<Message> message(String channel, String ts) {
        List<Message> messages = conversations.getOrDefault(channel, List.of());
        int at = indexOf(messages, ts);
        return at < 0 ? Optional.empty() : Optional.of(messages.get(at));
    }

    synchronized Optional<ObjectNode> topModal(String user) {
        Deque<ObjectNode> stack = modals.get(user);
        return stack == null || stack.isEmpty() ? Optional.empty() : Optional.of(stack.peek());
    }

    synchronized Optional<JsonNode> home(String user) {
        return Optional.ofNullable(homes.get(user));
    }

    /** The answer to a submission: close the view, or all of them, or update or push one. */
    void afterSubmission(String user, String viewId, String responseAction, JsonNode view) {
        synchronized (this) {
            Deque<ObjectNode> stack = modals.getOrDefault(user, new ArrayDeque<>());
            switch (responseAction) {
                case "clear" -> stack.clear();
                case "update" -> {
                    ObjectNode updated = withId(view, viewId);
                    stack.pop();
                    stack.push(updated);
                }
                case "push" -> stack.push(withId(view, newViewId()));
                default -> {
                    if (!stack.isEmpty()
                            && viewId.equals(stack.peek().path("id").asText())) {
                        stack.pop();
                    }
                }
            }
        }
        changed();
    }

    /** The person closed the top modal (Cancel, or the ×). */
    void close(String user, String viewId) {
        synchronized (this) {
            Deque<ObjectNode> stack = modals.get(user);
            if (stack != null
                    && !stack.isEmpty()
                    && viewId.equals(stack.peek().path("id").asText())) {
                stack.pop();
            }
        }
        changed();
    }

    /** What one person sees: their DM with the bot, the help-desk channel, their App Home and modals. */
    public synchronized ObjectNode seenBy(String user) {
        ObjectNode seen = JSON.createObjectNode().put("version", version);
        ArrayNode list = seen.putArray("conversations");
        addConversation(list, Workspace.dmOf(user), "app", Workspace.BOT_NAME, user);
        addConversation(list, Workspace.HELPDESK_CHANNEL, "channel", Workspace.HELPDESK_CHANNEL_NAME, user);
        seen.set("home", homes.get(user));
        ArrayNode stack = seen.putArray("modals");
        // Bottom first, as they were opened.
        modals.getOrDefault(user, new ArrayDeque<>()).descendingIterator().forEachRemaining(stack::add);
        return seen;
    }

    private void addConversation(ArrayNode list, String id, String kind, String name, String viewer) {
        ObjectNode c = list.addObject().put("id", id).put("kind", kind).put("name", name);
        ArrayNode messages = c.putArray("messages");
        for (Message m : conversations.getOrDefault(id, List.of())) {
            if (m.onlyFor() != null && !m.onlyFor().equals(viewer)) {
                continue;
            }
            ObjectNode node = messages.addObject()
                    .put("ts", m.ts())
                    .put("author", m.author())
                    .put("text", m.text())
                    .put("ephemeral", m.onlyFor() != null)
                    .put("edited", m.edited());
            node.set("blocks", m.blocks());
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    /** A channel id, or a person's id (a DM to them, as chat.postMessage takes), as its conversation id. */
    private String conversationOf(String channel) {
        if (channel == null) {
            return null;
        }
        if (channel.startsWith("U")) {
            return workspace.member(channel).map(m -> Workspace.dmOf(m.id())).orElse(null);
        }
        return conversations.containsKey(channel) ? channel : null;
    }

    private static int indexOf(List<Message> messages, String ts) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).ts().equals(ts)) {
                return i;
            }
        }
        return -1;
    }

    /** The blocks of a message (none when not given), or null when they are not a JSON array. */
    private static JsonNode blocks(String json) {
        if (isBlank(json)) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode blocks = JSON.readTree(json);
            return blocks.isArray() ? blocks : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ObjectNode view(String json) throws JsonProcessingException {
        if (isBlank(json)) {
            throw new IllegalArgumentException("no view");
        }
        JsonNode parsed = JSON.readTree(json);
        if (!(parsed instanceof ObjectNode view)) {
            throw new IllegalArgumentException("a view is an object");
        }
        return withId(view, newViewId());
    }

    private ObjectNode withId(JsonNode view, String id) {
        ObjectNode copy = ((ObjectNode) view).deepCopy();
        copy.put("id", id).put("team_id", Workspace.TEAM_ID).put("hash", now().getEpochSecond() + "." + id);
        copy.putObject("state").putObject("values");
        return copy;
    }

    private synchronized String newViewId() {
        return "V" + (++sequence);
    }

    /** Slack's message timestamps: seconds on the bot's clock, unique within the workspace. */
    private String nextTs() {
        return String.format("%d.%06d", now().getEpochSecond(), ++sequence % 1_000_000);
    }

    private Instant now() {
        return clock.get().instant();
    }

    private void changed() {
        synchronized (this) {
            version++;
        }
        listeners.forEach(Runnable::run);
    }

    /** Tells the pages of a change Slack's side did not make itself (time skipped ahead). */
    void touch() {
        changed();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }
}
