package mn.miic.helpdesk.slack;

import com.google.gson.Gson;

/**
 * What a modal carries between opening and submission: the account and the version the form was filled from, the
 * organization for an add, the response URL of the command that opened it, where the outcome is reported, and a
 * once-key of its own, so that a submission sent again (a replay, a retry) changes nothing a second time.
 */
public record ModalMetadata(String username, Integer version, String org, String responseUrl, String nonce) {

    private static final Gson GSON = new Gson();

    /** A modal about to open: with a new once-key. */
    public ModalMetadata(String username, Integer version, String org, String responseUrl) {
        this(username, version, org, responseUrl, java.util.UUID.randomUUID().toString());
    }

    public String encode() {
        return GSON.toJson(this);
    }

    public static ModalMetadata decode(String json) {
        try {
            ModalMetadata m = GSON.fromJson(json, ModalMetadata.class);
            return m == null ? new ModalMetadata(null, null, null, null, null) : m;
        } catch (RuntimeException e) {
            return new ModalMetadata(null, null, null, null, null);
        }
    }
}
