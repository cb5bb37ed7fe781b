package mn.miic.helpdesk.slack;

import java.util.Locale;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.requests.RequestKind;

/**
 * Every id that ties what the bot shows to the handler that answers it, in one place, used by the views and the
 * listeners alike; {@code manifest.yml} names the command.
 */
public final class Ids {

    public static final String COMMAND = "/miic";

    /** {@code action_id}s of buttons and menus, and of every form input. */
    public static final class Actions {
        /** The per-row menu of a search: value {@code op:username}. */
        public static final String ACCOUNT_MENU = "account_action";
        /** The confirmation's yes: value {@code op:username:nonce}. */
        public static final String CONFIRM = "confirm";

        public static final String CANCEL = "cancel";
        /** Previous / next page of a search: value is a {@code SearchPage}. */
        public static final String SEARCH_PREVIOUS = "search_page_previous";

        public static final String SEARCH_NEXT = "search_page_next";
        /** Buttons on a request for help: value is the request's id. */
        public static final String REQUEST_APPROVE = "request_approve";

        public static final String REQUEST_DENY = "request_deny";
        public static final String REQUEST_CLAIM = "request_claim";
        /** The help desk's button under {@code /miic dua}: opens the renewal form. */
        public static final String DUA_RENEW_FORM = "dua_renew_form";
        /** An access review's buttons: value {@code campaign:account} (keep, inactivate), {@code campaign:site}
         * (keep all), {@code campaign:site:page} (pages, open). */
        public static final String REVIEW_KEEP = "review_keep";

        public static final String REVIEW_INACTIVATE = "review_inactivate";
        public static final String REVIEW_KEEP_ALL = "review_keep_all";
        public static final String REVIEW_PREVIOUS = "review_previous";
        public static final String REVIEW_NEXT = "review_next";
        public static final String REVIEW_OPEN = "review_open";
        /** Every input of a form; its block id says which field it is. */
        public static final String INPUT = "value";

        /** A card's button for one action on an account (ids must differ within a message): value {@code op:username}. */
        public static String accountButton(AccountOp op) {
            return ACCOUNT_MENU + "_" + op.wire();
        }

        /** The App Home's "ask for ..." button of one kind: value is the kind. */
        public static String askButton(RequestKind kind) {
            return "request_ask_" + kind.name().toLowerCase(Locale.ROOT);
        }

        private Actions() {}
    }

    /** {@code callback_id}s of the modals. */
    public static final class Callbacks {
        public static final String ADD_USER = "add_user";
        public static final String EDIT_USER = "edit_user";
        public static final String INACTIVATE_USER = "inactivate_user";
        /** Reactivating a time-limited account: a new last day of access, or none. */
        public static final String REACTIVATE_USER = "reactivate_user";
        /** The Deny form, with its optional reason. */
        public static final String DENY_REQUEST = "deny_request";
        /** The help desk's form for a renewed Data Use Agreement. */
        public static final String RENEW_DUA = "renew_dua";

        private Callbacks() {}
    }

    /**
     * {@code block_id}s of the forms' inputs. An account field's block is named as the field, so that a field's error
     * lands next to it ({@code response_action: errors} is keyed by block).
     */
    public static final class Blocks {
        public static final String FIRST_NAME = AccountFields.FIRST_NAME;
        public static final String LAST_NAME = AccountFields.LAST_NAME;
        public static final String MIDDLE_INITIAL = AccountFields.MIDDLE_INITIAL;
        public static final String USERNAME = AccountFields.USERNAME;
        public static final String ROLE = AccountFields.ROLE;
        public static final String STATUS = AccountFields.STATUS;
        public static final String LOCKED = AccountFields.LOCKED;
        public static final String AREA_CODE = AccountFields.AREA_CODE;
        public static final String PHONE = AccountFields.PHONE;
        public static final String EXTENSION = AccountFields.EXTENSION;
        public static final String EMAIL = AccountFields.EMAIL;
        public static final String USER_DUA_DATE = AccountFields.USER_DUA_DATE;
        public static final String ACCESS_UNTIL = AccountFields.ACCESS_UNTIL;
        public static final String ADDITIONAL_ORGANIZATIONS = AccountFields.ADDITIONAL_ORGANIZATIONS;
        public static final String INACTIVATION_REASON = AccountFields.INACTIVATION_REASON;
        public static final String OVERRIDE_REASON = AccountFields.OVERRIDE_REASON;
        public static final String INACTIVATION_NOTE = "inactivation_note";
        /** The Deny form's reason. */
        public static final String DENY_REASON = "reason";
        /** The renewal form's organization code and date, named as the use case's fields. */
        public static final String DUA_ORGANIZATION = mn.miic.helpdesk.compliance.DataUseAgreements.ORGANIZATION_FIELD;

        public static final String DUA_DATE = mn.miic.helpdesk.compliance.DataUseAgreements.DATE_FIELD;

        /** The block an account field's error goes next to. */
        public static String ofField(String field) {
            return field;
        }

        private Blocks() {}
    }

    /** Values of the Edit form's radio buttons. */
    public static final class Options {
        public static final String ACTIVE = "active";
        public static final String INACTIVE = "inactive";
        public static final String LOCKED = "locked";
        public static final String UNLOCKED = "unlocked";

        private Options() {}
    }

    private Ids() {}
}
