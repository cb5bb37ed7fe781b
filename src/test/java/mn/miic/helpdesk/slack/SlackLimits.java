package mn.miic.helpdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Slack's published limits for Block Kit, checked on rendered JSON. */
final class SlackLimits {

    private SlackLimits() {}

    static void assertWithin(JsonNode rendered, boolean isView) {
        JsonNode blocks = rendered.isArray() ? rendered : rendered.path("blocks");
        assertThat(blocks.size()).as("blocks").isBetween(1, isView ? 100 : 50);
        if (isView && rendered.path("type").asText().equals("modal")) {
            assertThat(rendered.at("/title/text").asText().length())
                    .as("modal title")
                    .isBetween(1, 24);
            assertThat(rendered.path("private_metadata").asText().length()).isLessThanOrEqualTo(3000);
        }
        walk(rendered);
    }

    private static void walk(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "text" -> {
                        if (v.isTextual()) {
                            assertThat(v.asText().length()).as("a text").isBetween(1, 3000);
                        }
                    }
                    case "action_id", "block_id" -> assertThat(v.asText().length())
                            .isLessThanOrEqualTo(255);
                    case "fields" -> assertThat(v.size()).as("section fields").isLessThanOrEqualTo(10);
                    case "options" -> assertThat(v.size()).as("options").isLessThanOrEqualTo(100);
                    case "elements" -> assertThat(v.size()).as("elements").isLessThanOrEqualTo(25);
                    case "value" -> {
                        if (v.isTextual()) {
                            assertThat(v.asText().length()).as("a value").isLessThanOrEqualTo(150);
                        }
                    }
                    default -> {}
                }
                walk(v);
            });
            if (node.path("type").asText().equals("overflow")) {
                assertThat(node.path("options").size()).as("overflow options").isBetween(1, 5);
            }
            if (node.path("type").asText().equals("button")) {
                assertThat(node.path("text").path("text").asText().length())
                        .as("button text")
                        .isLessThanOrEqualTo(75);
            }
            if (node.path("type").asText().equals("overflow")) {
                node.path("options").forEach(o -> assertThat(
                                o.path("text").path("text").asText().length())
                        .as("option text")
                        .isLessThanOrEqualTo(75));
            }
            if (node.has("confirm") && node.get("confirm").isObject()) {
                JsonNode confirm = node.get("confirm");
                assertThat(confirm.path("title").path("text").asText().length())
                        .as("confirmation title")
                        .isLessThanOrEqualTo(100);
                assertThat(confirm.path("text").path("text").asText().length())
                        .as("confirmation text")
                        .isLessThanOrEqualTo(300);
                assertThat(confirm.path("confirm").path("text").asText().length())
                        .as("confirmation button")
                        .isLessThanOrEqualTo(30);
            }
        } else if (node.isArray()) {
            node.forEach(SlackLimits::walk);
        }
    }
}
