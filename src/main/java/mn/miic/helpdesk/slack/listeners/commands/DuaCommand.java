package mn.miic.helpdesk.slack.listeners.commands;

import java.util.List;
import mn.miic.helpdesk.compliance.DataUseAgreements;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.ComplianceMessages;

/**
 * {@code /miic dua}: the Data Use Agreements of one's organizations, soonest to lapse first; for the help desk,
 * {@code /miic dua renew CODE YYYY-MM-DD} records a renewal, and {@code /miic dua renew [CODE]} opens its form.
 */
public final class DuaCommand implements Command {

    private final DataUseAgreements duas;
    private final Conversation conversation;

    public DuaCommand(DataUseAgreements duas, Conversation conversation) {
        this.duas = duas;
        this.conversation = conversation;
    }

    @Override
    public List<String> names() {
        return List.of("dua");
    }

    @Override
    public void handle(Turn turn, String arguments) {
        String[] words = arguments.isBlank() ? new String[0] : arguments.trim().split("\\s+");
        if (words.length == 0) {
            var listing = duas.list(conversation.actor(turn));
            conversation.reply(turn, ComplianceMessages.duaList(listing), "Data Use Agreements");
            return;
        }
        if (!words[0].equalsIgnoreCase("renew") || words.length > 3) {
            conversation.say(
                    turn,
                    "Type `/miic dua` to see your organizations' Data Use Agreements. The help desk records a"
                            + " renewal with `/miic dua renew CODE YYYY-MM-DD`.");
            return;
        }
        if (words.length < 3) {
            openForm(duas, conversation, turn, words.length == 2 ? words[1] : null);
            return;
        }
        var renewal = duas.renew(conversation.actor(turn), words[1], words[2]);
        conversation.reply(turn, ComplianceMessages.duaRenewed(renewal), "Renewed DUA recorded");
    }

    /** The renewal form, for the help desk only; a refusal is said where they asked. */
    public static void openForm(DataUseAgreements duas, Conversation conversation, Turn turn, String code) {
        var today = duas.mayRenew(conversation.actor(turn));
        String meta = new ModalMetadata(null, null, null, turn.responseUrl(), null).encode();
        conversation.open(turn, ComplianceMessages.renewModal(code, today, meta));
    }
}
