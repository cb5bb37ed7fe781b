package mn.miic.helpdesk.slack;

/**
 * Where a person hears later what became of what they asked (an {@code Actor}'s reply address, opaque to the use
 * cases): a response URL, and whether the answer takes the place of the message they clicked in.
 */
public record ReplyTo(String responseUrl, boolean inPlace) {

    private static final String IN_PLACE = "in-place:";

    /** A new message in the conversation where they asked. */
    public static String after(String responseUrl) {
        return responseUrl;
    }

    /** In place of the message they clicked (a confirmation's buttons give way to what happened). */
    public static String inPlaceOf(String responseUrl) {
        return responseUrl == null ? null : IN_PLACE + responseUrl;
    }

    /** The address as the Slack side wrote it, or null. */
    public static ReplyTo decode(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.startsWith(IN_PLACE)
                ? new ReplyTo(address.substring(IN_PLACE.length()), true)
                : new ReplyTo(address, false);
    }
}
