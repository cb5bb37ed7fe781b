package mn.miic.helpdesk.slack.listeners.views;

import com.slack.api.model.view.View;
import java.util.LinkedHashMap;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.slack.Background;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.views.AccountModals;

/**
 * What a submitted form does next, in the answer to the submission itself (Slack shows a field's error only there):
 * errors next to fields of this very form, a view on top saying what happened, or done.
 */
public sealed interface Answer {

    /** Errors next to the fields; nothing was saved. */
    record Errors(Map<String, String> errors) implements Answer {}

    /** A message on top of the form; closing it goes back to what was typed. Nothing was saved. */
    record Show(View view) implements Answer {}

    /** Saved: the form closes, and what follows runs after the acknowledgement. */
    record Close(Runnable then) implements Answer {}

    static Answer saved(Runnable then) {
        return new Close(then);
    }

    static Answer notSaved(String sentence) {
        return new Show(AccountModals.message("Not saved", sentence));
    }

    /** A refusal as the form can show it: next to its fields, next to the override field, or on top. */
    static Answer refused(Refusal refusal, ModalInput input) {
        if (refusal instanceof InvalidInput invalid) {
            return new Errors(placed(invalid.fieldErrors(), input));
        }
        if (refusal.kind() == Refusal.Kind.GUARD && input.has(Ids.Blocks.OVERRIDE_REASON)) {
            return new Errors(Map.of(Ids.Blocks.OVERRIDE_REASON, refusal.getMessage()));
        }
        return notSaved(Background.sentenceFor(refusal));
    }

    /** Slack shows an error only next to a block the modal has; anything else goes next to its first field. */
    private static Map<String, String> placed(Map<String, String> errors, ModalInput input) {
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String block = Ids.Blocks.ofField(field);
            // A reason was chosen, so what is missing or too long is the note beside it.
            boolean aboutTheNote = block.equals(Ids.Blocks.INACTIVATION_REASON)
                    && input.text(Ids.Blocks.INACTIVATION_REASON) != null
                    && input.has(Ids.Blocks.INACTIVATION_NOTE);
            String where = aboutTheNote ? Ids.Blocks.INACTIVATION_NOTE : input.has(block) ? block : firstField(input);
            placed.merge(where, message, (a, b) -> a + " " + b);
        });
        return placed;
    }

    private static String firstField(ModalInput input) {
        for (String f : new String[] {Ids.Blocks.FIRST_NAME, Ids.Blocks.INACTIVATION_REASON}) {
            if (input.has(f)) {
                return f;
            }
        }
        return Ids.Blocks.USERNAME;
    }
}
