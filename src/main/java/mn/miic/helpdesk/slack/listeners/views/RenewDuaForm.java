package mn.miic.helpdesk.slack.listeners.views;

import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.compliance.DataUseAgreements;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.ModalInput;
import mn.miic.helpdesk.slack.ModalMetadata;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.listeners.Conversation;
import mn.miic.helpdesk.slack.views.ComplianceMessages;

/** The help desk's renewed DUA: a wrong code or date is said next to its field, and nothing is recorded. */
public final class RenewDuaForm extends AccountForm {

    private final DataUseAgreements duas;
    private final SlackApi slack;

    public RenewDuaForm(DataUseAgreements duas, Conversation conversation, SlackApi slack) {
        super(conversation, slack);
        this.duas = duas;
        this.slack = slack;
    }

    @Override
    public String callbackId() {
        return Ids.Callbacks.RENEW_DUA;
    }

    @Override
    Answer save(Actor actor, ModalInput input, ModalMetadata meta) {
        var renewal = duas.renew(actor, input.text(Ids.Blocks.DUA_ORGANIZATION), input.text(Ids.Blocks.DUA_DATE));
        return Answer.saved(() -> {
            if (meta.responseUrl() != null) {
                slack.respond(
                        meta.responseUrl(),
                        mn.miic.helpdesk.slack.Replies.ephemeral(
                                ComplianceMessages.duaRenewed(renewal), "Renewed DUA recorded"));
            }
        });
    }
}
