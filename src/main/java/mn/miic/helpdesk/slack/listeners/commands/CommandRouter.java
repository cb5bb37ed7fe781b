package mn.miic.helpdesk.slack.listeners.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** {@code /miic <command> [arguments]} (SPEC 4.2): the first word picks the command; no word is {@code help}. */
public final class CommandRouter {

    private final Map<String, Command> byName = new LinkedHashMap<>();
    private final Conversation conversation;

    public CommandRouter(Conversation conversation, List<Command> commands) {
        this.conversation = conversation;
        for (Command command : commands) {
            for (String name : command.names()) {
                if (byName.put(name, command) != null) {
                    throw new IllegalArgumentException("two commands are called " + name);
                }
            }
        }
    }

    public void handle(Turn turn, String text) {
        String line = text == null ? "" : text.trim();
        String[] parts = line.split("\\s+", 2);
        String name = parts[0].isEmpty() ? "help" : parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].trim() : "";
        Command command = byName.get(name);
        if (command != null) {
            command.handle(turn, rest);
            return;
        }
        conversation.who(turn);
        conversation.reply(
                turn,
                AccountMessages.say(
                        "I don't know `" + name.replace("`", "") + "`. Type `/miic help` to see what you" + " can do."),
                "Unknown command");
    }
}
