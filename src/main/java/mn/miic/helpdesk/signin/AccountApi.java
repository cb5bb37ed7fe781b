package mn.miic.helpdesk.signin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordPolicy;
import mn.miic.helpdesk.accounts.password.PolicyViolation;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.web.BearerToken;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code POST /api/v1/sign-in} and {@code POST /api/v1/password} for MIIC's sign-in page, behind a bearer token.
 * Passwords are read into char arrays and wiped after use; none is ever logged.
 */
public final class AccountApi {

    public static final String SIGN_IN_PATH = "/api/v1/sign-in";
    public static final String PASSWORD_PATH = "/api/v1/password";

    /** The sign-in API's share of the pool's ten connections. */
    static final int CONNECTIONS = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record SignInBody(String organizationCode, String username, char[] password) {}

    record PasswordBody(String organizationCode, String username, char[] currentPassword, char[] newPassword) {}

    private final BearerToken token;
    private final SignIn signIn;
    private final ChangePassword changePassword;

    /**
     * Both endpoints on one credential check, so that the decoy hash that evens out the time of an unknown username is
     * computed once.
     */
    public static AccountApi create(
            String token,
            DSLContext dsl,
            javax.sql.DataSource dataSource,
            PasswordHasher hasher,
            PasswordPolicy policy,
            Clock clock,
            int lockoutThreshold,
            int historySize,
            Duration passwordLifetime,
            Outbox outbox) {
        Credentials credentials = new Credentials(hasher, clock, lockoutThreshold, outbox, BoundedVerifier.perCore());
        SignInThrottle throttle = new SignInThrottle(clock, lockoutThreshold);
        // A share of the pool, so that a flood of sign-ins never takes the connections Slack and the jobs need.
        DSLContext shared = DSL.using(
                dsl.configuration().derive(new SharedConnections(dataSource, CONNECTIONS, Duration.ofMillis(500))));
        return new AccountApi(
                token,
                new SignIn(shared, credentials, clock, throttle),
                new ChangePassword(
                        shared, credentials, hasher, policy, clock, historySize, passwordLifetime, throttle));
    }

    AccountApi(String token, SignIn signIn, ChangePassword changePassword) {
        this.token = new BearerToken(token);
        this.signIn = signIn;
        this.changePassword = changePassword;
    }

    /** Forgets the failed sign-ins nobody added to since {@code before}: for the daily clean-up job. */
    public static int forgetFailuresBefore(DSLContext dsl, java.time.Instant before) {
        return SignInThrottle.forgetBefore(dsl, before);
    }

    /** Path to handler, for the web server's POST routes. */
    public Map<String, Handler> routes() {
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put(SIGN_IN_PATH, this::signIn);
        routes.put(PASSWORD_PATH, this::changePassword);
        return routes;
    }

    private void signIn(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        SignInBody body = read(ctx, SignInBody.class);
        if (body == null || blank(body.organizationCode()) || blank(body.username()) || body.password() == null) {
            badRequest(ctx, "organization_code, username and password are required");
            return;
        }
        try {
            SignIn.Result result = signIn.attempt(
                    requestId(ctx), clientAddress(ctx), body.organizationCode(), body.username(), body.password());
            Meters.signIn(result.outcome().wire());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("outcome", result.outcome().wire());
            if (result.detail() != null) {
                answer.put(result.outcome() == SignInOutcome.INACTIVE ? "status" : "reason", result.detail());
            }
            retryAfter(ctx, result.retryAfter());
            ctx.status(result.outcome().httpStatus()).json(answer);
        } catch (RuntimeException e) {
            overloadedOrDown(ctx, e);
        } finally {
            Arrays.fill(body.password(), '\0');
            org.slf4j.MDC.remove("request_id");
        }
    }

    private void changePassword(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        PasswordBody body = read(ctx, PasswordBody.class);
        if (body == null
                || blank(body.organizationCode())
                || blank(body.username())
                || body.currentPassword() == null
                || body.newPassword() == null) {
            badRequest(ctx, "organization_code, username, current_password and new_password are required");
            return;
        }
        try {
            ChangePassword.Result result = changePassword.change(
                    requestId(ctx),
                    clientAddress(ctx),
                    body.organizationCode(),
                    body.username(),
                    body.currentPassword(),
                    body.newPassword());
            if (result.changed()) {
                ctx.status(204);
            } else if (!result.violations().isEmpty()) {
                List<Map<String, String>> violations =
                        result.violations().stream().map(AccountApi::violation).toList();
                ctx.status(422).json(Map.of("violations", violations));
            } else {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("outcome", result.refusal().wire());
                if (result.detail() != null) {
                    answer.put("status", result.detail());
                }
                retryAfter(ctx, result.retryAfter());
                ctx.status(result.refusal().httpStatus()).json(answer);
            }
        } catch (RuntimeException e) {
            overloadedOrDown(ctx, e);
        } finally {
            Arrays.fill(body.currentPassword(), '\0');
            Arrays.fill(body.newPassword(), '\0');
            org.slf4j.MDC.remove("request_id");
        }
    }

    /**
     * The person's address, for the back-off per address: the caller is MIIC's sign-in page (it holds the bearer
     * token), so the address it forwards in {@code X-Forwarded-For} is the person's; without it, the caller's own.
     */
    private static String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",", 2)[0].trim();
            return first.length() <= 64 ? first : first.substring(0, 64);
        }
        return ctx.ip();
    }

    private static void retryAfter(Context ctx, Duration wait) {
        if (wait != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
        }
    }

    /**
     * Every password check, or the API's share of connections, is taken (jOOQ may wrap the latter), or the database
     * is down: a 503 the sign-in page can retry, never a 500. Anything else is a bug, and is thrown.
     */
    private static void overloadedOrDown(Context ctx, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Busy) {
                Meters.signIn("busy");
                ctx.status(503)
                        .header("Retry-After", "1")
                        .json(Map.of("outcome", "busy", "message", "too many sign-ins at once; try again in a second"));
                return;
            }
        }
        if (e instanceof org.jooq.exception.DataAccessException) {
            Meters.signIn("unavailable");
            ctx.status(503)
                    .header("Retry-After", "5")
                    .json(Map.of("outcome", "unavailable", "message", "the MIIC account store is unreachable"));
            return;
        }
        throw e;
    }

    private static Map<String, String> violation(PolicyViolation v) {
        return Map.of("rule", v.rule(), "message", v.message());
    }

    private boolean authorized(Context ctx) {
        if (!token.presentIn(ctx)) {
            ctx.status(401)
                    .header("WWW-Authenticate", "Bearer")
                    .json(Map.of("outcome", "unauthorized", "message", "a valid bearer token is required"));
            return false;
        }
        return true;
    }

    private static <T> T read(Context ctx, Class<T> type) {
        try {
            return JSON.readValue(ctx.bodyAsBytes(), type);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void badRequest(Context ctx, String message) {
        ctx.status(400).json(Map.of("outcome", "bad_request", "message", message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String requestId(Context ctx) {
        String given = ctx.header("X-Request-Id");
        return given != null && given.matches("[A-Za-z0-9._-]{1,64}")
                ? given
                : UUID.randomUUID().toString();
    }
}
