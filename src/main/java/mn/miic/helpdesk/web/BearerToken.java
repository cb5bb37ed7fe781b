package mn.miic.helpdesk.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** An {@code Authorization: Bearer} check in constant time, so the token cannot be found a character at a time. */
public final class BearerToken {

    private final byte[] expected;

    public BearerToken(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public boolean presentIn(Context ctx) {
        String given = ctx.header("Authorization");
        return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }
}
