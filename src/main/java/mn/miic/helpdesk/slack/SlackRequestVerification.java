package mn.miic.helpdesk.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's request signing, checked to Slack's own rule: a request whose timestamp is more than five minutes from now,
 * either way, is refused (a replay, or a forgery dated ahead); the signature is an HMAC-SHA256 of {@code v0:ts:body}
 * with the signing secret, over the body's UTF-8 bytes, compared in constant time. It takes the place of Bolt's
 * verifier, which accepts timestamps from the future, compares with {@code String.equals} and hashes in the platform
 * charset. Socket Mode's requests come over a connection opened with the app token and carry no signature.
 */
public final class SlackRequestVerification implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(SlackRequestVerification.class);
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    /** @param clock the application's clock: what "now" is for a request's timestamp */
    public SlackRequestVerification(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
            return chain.next(req);
        }
        Optional<String> problem = problemWith(
                req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                req.getRequestBodyAsString(),
                req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE));
        if (problem.isPresent()) {
            log.warn("refused a request to the Slack endpoint: {}", problem.get());
            return Response.json(401, "{\"error\":\"invalid request\"}");
        }
        return chain.next(req);
    }

    /** Why a request is not Slack's, or empty when it is. */
    public Optional<String> problemWith(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return Optional.of("no signature or timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of("the timestamp is not a number");
        }
        // Slack stamps whole seconds; so is "now" compared.
        long away = seconds - clock.instant().getEpochSecond();
        if (Math.abs(away) > TOLERANCE.toSeconds()) {
            return Optional.of("the timestamp is " + Math.abs(away) + " s " + (away < 0 ? "old" : "in the future"));
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac("v0:" + timestamp + ":" + (body == null ? "" : body))))
                .getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the signature does not match");
        }
        return Optional.empty();
    }

    private byte[] hmac(String base) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
