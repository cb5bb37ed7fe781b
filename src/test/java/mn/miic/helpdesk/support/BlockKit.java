package mn.miic.helpdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing Block Kit as a person in Slack would: the texts they read, the buttons and inputs they use. */
public final class BlockKit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockKit() {}

    public static ObjectNode button(String actionId, String value) {
        ObjectNode action = JSON.createObjectNode()
                .put("type", "button")
                .put("action_id", actionId)
                .put("block_id", "b" + actionId)
                .put("value", value)
                .put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return action;
    }

    /**
     * A modal's inputs as Slack would submit them untouched: each input's initial value, or none. Tests then change
     * what the person would have typed.
     */
    public static Map<String, ObjectNode> filledIn(JsonNode view) {
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        for (JsonNode block : view.get("blocks")) {
            if (!"input".equals(block.path("type").asText())) {
                continue;
            }
            JsonNode element = block.get("element");
            ObjectNode state =
                    switch (element.get("type").asText()) {
                        case "plain_text_input" -> text(
                                element.has("initial_value")
                                        ? element.get("initial_value").asText()
                                        : null);
                        case "datepicker" -> date(
                                element.has("initial_date")
                                        ? element.get("initial_date").asText()
                                        : null);
                        default -> selected(
                                element.has("initial_option")
                                        ? element.get("initial_option")
                                                .get("value")
                                                .asText()
                                        : null);
                    };
            state.put("type", element.get("type").asText());
            values.put(block.get("block_id").asText(), state);
        }
        return values;
    }

    public static ObjectNode text(String value) {
        ObjectNode n = JSON.createObjectNode().put("type", "plain_text_input");
        if (value == null) {
            n.putNull("value");
        } else {
            n.put("value", value);
        }
        return n;
    }

    public static ObjectNode selected(String value) {
        ObjectNode n = JSON.createObjectNode().put("type", "static_select");
        if (value == null) {
            n.putNull("selected_option");
        } else {
            ObjectNode option = n.putObject("selected_option");
            option.putObject("text").put("type", "plain_text").put("text", value);
            option.put("value", value);
        }
        return n;
    }

    public static ObjectNode date(String isoDate) {
        ObjectNode n = JSON.createObjectNode().put("type", "datepicker");
        if (isoDate == null) {
            n.putNull("selected_date");
        } else {
            n.put("selected_date", isoDate);
        }
        return n;
    }

    /** A Web API call's form fields, decoded (JSON fields stay JSON text). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.put(key, value);
        }
        return fields;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    public static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    /** The value of the first button or menu option with this action id in a message or view. */
    public static String valueOf(JsonNode message, String actionId) {
        for (JsonNode node : message.findParents("action_id")) {
            if (actionId.equals(node.path("action_id").asText())) {
                if (node.has("value")) {
                    return node.get("value").asText();
                }
                if (node.has("options")) {
                    return node.get("options").get(0).get("value").asText();
                }
            }
        }
        throw new AssertionError("no " + actionId + " in " + message);
    }

    /** Every text in a message, joined: what a person would read. */
    public static String textOf(JsonNode message) {
        StringBuilder all = new StringBuilder();
        collectTexts(message, all);
        return all.toString();
    }

    private static void collectTexts(JsonNode node, StringBuilder all) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("text") && e.getValue().isTextual()) {
                    all.append(e.getValue().asText()).append('\n');
                } else {
                    collectTexts(e.getValue(), all);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, all));
        }
    }
}
