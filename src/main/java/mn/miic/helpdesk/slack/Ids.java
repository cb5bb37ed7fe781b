package mn.miic.helpdesk.slack;

/** The ids that tie what the bot shows to the handlers that answer it; {@code manifest.yml} names the command. */
public final class Ids {

    public static final String COMMAND = "/miic";

    /** A button or menu item that starts an action on one account: value {@code op:username}. */
    public static final String ACCOUNT_ACTION = "account_action";
    /** The confirmation's yes: value {@code op:username:nonce}. */
    public static final String CONFIRM = "confirm";

    public static final String CANCEL = "cancel";
    /** Previous / next page of a search: value is a {@code SearchPage}. */
    public static final String SEARCH_PAGE = "search_page";

    public static final String ADD_USER = "add_user";
    public static final String EDIT_USER = "edit_user";
    public static final String INACTIVATE_USER = "inactivate_user";

    /** Buttons on a request for help: value is the request's id. */
    public static final String REQUEST_APPROVE = "request_approve";

    public static final String REQUEST_DENY = "request_deny";
    public static final String REQUEST_CLAIM = "request_claim";
    /** The App Home's "ask for ..." buttons: value is the kind (unlock, reset, reactivate). */
    public static final String REQUEST_ASK = "request_ask";
    /** The Deny modal, with its optional reason. */
    public static final String DENY_REQUEST = "deny_request";

    private Ids() {}
}
