package mn.miic.helpdesk.outbox;

import java.util.Optional;
import java.util.function.Supplier;
import mn.miic.helpdesk.accounts.password.TemporaryPassword;

/** What carries an owed message to its people: the Slack side implements it. One attempt per call, no waiting. */
public interface Courier {

    /**
     * @param predecessor the message this one waited for, as it ended (for a report of what became of it)
     * @param secret opens the message's sealed temporary password, for the one DM that carries it
     */
    Delivery deliver(OwedMessage message, Optional<OwedMessage> predecessor, Supplier<TemporaryPassword> secret);
}
