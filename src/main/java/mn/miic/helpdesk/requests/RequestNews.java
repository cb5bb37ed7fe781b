package mn.miic.helpdesk.requests;

import java.util.LinkedHashSet;
import java.util.Set;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * What the people of a request are owed when it changes, written in the transaction of the change: every copy of it
 * brought up to date, and the App Home of everyone it concerns published again.
 */
final class RequestNews {

    private RequestNews() {}

    /** How a caller owes: through its use case (delivered at commit), or straight into the outbox. */
    @FunctionalInterface
    interface Owe {
        void owe(Owed message, boolean once);
    }

    static Owe into(DSLContext tx, Outbox outbox, String requestId) {
        Outbox.Options options = Outbox.Options.none().tracing(requestId);
        return (message, once) -> {
            if (once) {
                outbox.oweOnce(tx, message, options);
            } else {
                outbox.owe(tx, message, options);
            }
        };
    }

    static void changed(DSLContext tx, HelpRequest request, Owe owe) {
        for (RequestRepository.Message copy : new RequestRepository(tx).messages(request.id())) {
            owe.owe(
                    new Owed.RequestCopyUpdate(
                            request.id(),
                            copy.channel(),
                            copy.ts(),
                            copy.audience() == RequestRepository.Audience.HELPDESK),
                    false);
        }
        homes(tx, request, Set.of(), owe);
    }

    /** The requester's App Home and those of everyone a copy went to, and of {@code others}. */
    static void homes(DSLContext tx, HelpRequest request, Set<String> others, Owe owe) {
        Set<String> people = new LinkedHashSet<>();
        people.add(request.requesterSlackId());
        for (RequestRepository.Message copy : new RequestRepository(tx).messages(request.id())) {
            if (copy.slackUserId() != null) {
                people.add(copy.slackUserId());
            }
        }
        people.addAll(others);
        people.forEach(person -> owe.owe(new Owed.HomeRefresh(person), true));
    }
}
