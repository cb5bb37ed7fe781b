package mn.miic.helpdesk.slack.listeners.actions;

import java.util.List;
import mn.miic.helpdesk.slack.Turn;

/**
 * One button or menu, by its {@code action_id}s (a family of buttons that differ only in the value they carry shares
 * one). What it carries is only a wish: each click is authorized again by the use case it calls.
 */
public interface Action {

    List<String> actionIds();

    /** @param value the button's value, or the menu option chosen */
    void handle(Turn turn, String value);
}
