package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.slack.Turn;

/** One {@code /miic} subcommand: the words that name it, and what it does with the rest of the line. */
public interface Command {

    /** Its name first, then any other word that means it ({@code users}, {@code search}). */
    List<String> names();

    void handle(Turn turn, String arguments);
}
