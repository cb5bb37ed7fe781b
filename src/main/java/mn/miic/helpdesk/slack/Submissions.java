package mn.miic.helpdesk.slack;

import com.slack.api.model.view.View;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.usecases.AccountEdit;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.EditAccount;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.AccountModals;
import mn.miic.helpdesk.slack.views.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submitted modals. The use case runs before the acknowledgement, because Slack shows a field's error only in the
 * answer to the submission itself; it is a database transaction of a few milliseconds. Telling people about it (the
 * DMs, the reply in the channel) happens after.
 */
public final class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    /** What the modal does next. */
    public sealed interface Answer {
        /** Errors next to the fields; nothing was saved. */
        record Errors(Map<String, String> errors) implements Answer {}

        /** A message on top of the form; closing it goes back to what was typed. Nothing was saved. */
        record Show(View view) implements Answer {}

        /** Saved: the modal closes, and the rest happens after the acknowledgement. */
        record Close(Background.Work then) implements Answer {}
    }

    private final AccountUseCases accounts;
    private final AccountFlows flows;
    private final SlackApi slack;

    public Submissions(AccountUseCases accounts, AccountFlows flows, SlackApi slack) {
        this.accounts = accounts;
        this.flows = flows;
        this.slack = slack;
    }

    public Answer handle(Turn turn, String callbackId, com.slack.api.model.view.ViewState state, String metadata) {
        ModalInput input = new ModalInput(state);
        ModalMetadata meta = ModalMetadata.decode(metadata);
        try {
            Account by = flows.who(turn);
            Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId()).replyingTo(meta.responseUrl());
            return switch (callbackId) {
                case Ids.ADD_USER -> add(actor, by, input, meta);
                case Ids.EDIT_USER -> edit(actor, by, input, meta);
                case Ids.INACTIVATE_USER -> inactivate(actor, by, input, meta);
                default -> new Answer.Show(AccountModals.message("Not saved", "This form is not known any more."));
            };
        } catch (InvalidInput invalid) {
            return new Answer.Errors(placed(invalid.fieldErrors(), input));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.GUARD && input.has(AccountFields.OVERRIDE_REASON)) {
                return new Answer.Errors(Map.of(AccountFields.OVERRIDE_REASON, refusal.getMessage()));
            }
            return new Answer.Show(AccountModals.message("Not saved", Background.sentenceFor(refusal)));
        } catch (NotLinked | org.jooq.exception.DataAccessException | SlackUnavailable e) {
            return new Answer.Show(AccountModals.message("Not saved", Background.sentenceFor(e)));
        } catch (RuntimeException unexpected) {
            // Slack shows its own bare failure for anything but a 200, so even a bug gets a sentence.
            log.error("a {} submission failed", callbackId, unexpected);
            return new Answer.Show(AccountModals.message("Not saved", Background.sentenceFor(unexpected)));
        }
    }

    private Answer add(Actor actor, Account by, ModalInput input, ModalMetadata meta) {
        accounts.add().execute(actor, meta.org(), input.form());
        // The outbox reports the new account once its temporary password has gone (or could not).
        return new Answer.Close(turn -> {});
    }

    private Answer edit(Actor actor, Account by, ModalInput input, ModalMetadata meta) {
        String reason = input.text(AccountFields.INACTIVATION_REASON);
        AccountEdit edit = new AccountEdit(
                meta.version() == null ? -1 : meta.version(),
                input.form(),
                !AccountModals.INACTIVE.equals(input.text(AccountFields.STATUS)),
                AccountModals.LOCKED.equals(input.text(AccountFields.LOCKED)),
                reason(reason),
                input.text(AccountModals.INACTIVATION_NOTE),
                input.text(AccountFields.OVERRIDE_REASON));
        EditAccount.Result result = accounts.edit().execute(actor, meta.username(), edit);
        return new Answer.Close(turn -> {
            if (!result.changedAnything()) {
                report(meta, "Nothing to save: " + Text.boldName(result.account()) + " is unchanged.");
                return;
            }
            String fields = result.changes().keySet().stream()
                    .map(k -> k.replace('_', ' '))
                    .collect(Collectors.joining(", "));
            report(meta, ":white_check_mark: Saved " + Text.boldName(result.account()) + ": " + fields + ".");
        });
    }

    private Answer inactivate(Actor actor, Account by, ModalInput input, ModalMetadata meta) {
        String reason = input.text(AccountFields.INACTIVATION_REASON);
        Account after = accounts.inactivate()
                .execute(
                        actor,
                        meta.username(),
                        reason(reason),
                        input.text(AccountModals.INACTIVATION_NOTE),
                        input.text(AccountFields.OVERRIDE_REASON));
        return new Answer.Close(turn -> {
            report(
                    meta,
                    ":white_check_mark: Inactivated " + Text.boldName(after) + " ("
                            + Text.escape(after.inactivationReason()) + "). `/miic reactivate " + after.username()
                            + "` undoes it.");
        });
    }

    /** The reason chosen, refused next to its field when it is none the form offered. */
    private static InactivationReason reason(String chosen) {
        if (chosen == null) {
            return null;
        }
        try {
            return InactivationReason.valueOf(chosen);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(AccountFields.INACTIVATION_REASON, "Choose one of the reasons listed.");
        }
    }

    private void report(ModalMetadata meta, String sentence) {
        if (meta.responseUrl() != null) {
            slack.respond(meta.responseUrl(), Replies.ephemeral(AccountMessages.say(sentence), "Done"));
        }
    }

    /** Slack shows an error only next to a block the modal has; anything else goes next to the first field. */
    private static Map<String, String> placed(Map<String, String> errors, ModalInput input) {
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            // A reason was chosen, so what is missing or too long is the note beside it.
            boolean aboutTheNote = field.equals(AccountFields.INACTIVATION_REASON)
                    && input.text(AccountFields.INACTIVATION_REASON) != null
                    && input.has(AccountModals.INACTIVATION_NOTE);
            String block =
                    aboutTheNote ? AccountModals.INACTIVATION_NOTE : input.has(field) ? field : firstField(input);
            placed.merge(block, message, (a, b) -> a + " " + b);
        });
        return placed;
    }

    private static String firstField(ModalInput input) {
        for (String f : new String[] {AccountFields.FIRST_NAME, AccountFields.INACTIVATION_REASON}) {
            if (input.has(f)) {
                return f;
            }
        }
        return AccountFields.USERNAME;
    }
}
