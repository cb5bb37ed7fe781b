package mn.miic.helpdesk.identity;

import mn.miic.helpdesk.accounts.domain.Account;

/** Who a Slack user is in MIIC: a linked account, or the sentence that tells them how to get linked. */
public sealed interface Identity {

    /** The account as it was read when the request came in: for naming who acted, never for deciding. */
    record Linked(Account account) implements Identity {}

    record NotLinked(String message) implements Identity {}
}
