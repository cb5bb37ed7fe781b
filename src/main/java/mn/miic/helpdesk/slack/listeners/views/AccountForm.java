package mn.miic.helpdesk.slack.listeners.views;

import com.slack.api.model.view.View;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.Background;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.NotLinked;
import mn.miic.helpdesk.slack.Replies;
import mn.miic.helpdesk.slack.ReplyTo;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.SlackUnavailable;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.AccountMessages;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the Add, Edit and Inactivate forms share: reading what was typed, and every failure as an answer. */
abstract class AccountForm implements Form {

    private static final Logger log = LoggerFactory.getLogger(AccountForm.class);

    private final Conversation conversation;
    private final SlackApi slack;

    AccountForm(Conversation conversation, SlackApi slack) {
        this.conversation = conversation;
        this.slack = slack;
    }

    @Override
    public final Answer submit(Turn turn, View view) {
        ModalInput input = new ModalInput(view.getState());
        ModalMetadata meta = ModalMetadata.decode(view.getPrivateMetadata());
        try {
            Actor actor = conversation.actor(turn).replyingTo(ReplyTo.after(meta.responseUrl()));
            if (meta.nonce() != null) {
                // Claimed with the change: a refused submission releases it, so the person can correct and resend.
                actor = actor.once("form:" + meta.nonce());
            }
            return save(actor, input, meta);
        } catch (Refusal refusal) {
            return Answer.refused(refusal, input);
        } catch (NotLinked | DataAccessException | SlackUnavailable e) {
            return Answer.notSaved(Background.sentenceFor(e));
        } catch (RuntimeException unexpected) {
            // Slack shows its own bare failure for anything but a 200, so even a bug gets a sentence.
            log.error("a {} submission failed", callbackId(), unexpected);
            return Answer.notSaved(Background.sentenceFor(unexpected));
        }
    }

    abstract Answer save(Actor actor, ModalInput input, ModalMetadata meta);

    /** Where the form was opened from hears what was done. */
    void report(ModalMetadata meta, String sentence) {
        if (meta.responseUrl() != null) {
            slack.respond(meta.responseUrl(), Replies.ephemeral(AccountMessages.say(sentence), "Done"));
        }
    }

    /** The reason chosen, refused next to its field when it is none the form offered. */
    static InactivationReason reason(ModalInput input) {
        String chosen = input.text(Ids.Blocks.INACTIVATION_REASON);
        if (chosen == null) {
            return null;
        }
        try {
            return InactivationReason.valueOf(chosen);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(Ids.Blocks.INACTIVATION_REASON, "Choose one of the reasons listed.");
        }
    }
}
