package mn.miic.helpdesk.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.delivery.SlackCourier;
import mn.miic.helpdesk.slack.views.AccountModals;
import mn.miic.helpdesk.slack.views.RequestMessages;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: a Bolt app with every handler registered, answering within Slack's 3 seconds and doing
 * the rest in the {@link Background}. The same app serves the HTTP endpoint and Socket Mode.
 */
public final class SlackBot {

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

    /** What this app registers, for the test that holds {@code manifest.yml} to it. */
    public static final List<String> COMMANDS = List.of(Ids.COMMAND);

    public static final List<String> EVENTS = List.of(AppHomeOpenedEvent.TYPE_NAME);

    private final App app;
    private final Background background;

    /** @param helpDeskChannel where requests nobody decided go; empty to keep them in the help desk's queue */
    public record Settings(String botToken, String signingSecret, String apiUrl, Optional<String> helpDeskChannel) {}

    private final RequestFlows requestFlows;
    private final SlackCourier courier;

    /** @param work where the work behind each acknowledged request runs (bounded) */
    public SlackBot(
            Settings settings,
            AccountUseCases accounts,
            RequestUseCases requests,
            DSLContext dsl,
            Clock clock,
            java.util.concurrent.Executor work) {
        SlackConfig slackConfig = new SlackConfig();
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        slackConfig.setMethodsEndpointUrlPrefix(base);
        Slack slack = Slack.getInstance(slackConfig);
        SlackApi api = new SlackApi(slack, settings.botToken());
        SlackIdentities identities = new SlackIdentities(dsl, accounts.transactions());
        AccountFlows flows = new AccountFlows(accounts, identities, api);
        this.requestFlows = new RequestFlows(requests, flows, api, settings.helpDeskChannel(), clock);
        Commands commands = new Commands(flows, requestFlows);
        Actions actions = new Actions(flows, requestFlows, api);
        Submissions submissions = new Submissions(accounts, flows, api);
        Home home = new Home(flows, accounts, requests, api, clock);
        this.courier = new SlackCourier(
                api.withoutWaiting(), identities, dsl, requests, settings.helpDeskChannel(), home::publish, clock);
        this.background = new Background(new OnceKeys(dsl), api, work);

        AppConfig appConfig = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack)
                .authTestCacheEnabled(true)
                .requestVerificationEnabled(false)
                .build();
        // Slack's signature checked first, to Slack's whole rule (SlackRequestVerification), in place of Bolt's.
        Middleware verification =
                settings.signingSecret() == null ? null : new SlackRequestVerification(settings.signingSecret(), clock);
        this.app = new App(appConfig) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
                List<Middleware> list = super.buildDefaultMiddlewareList(config);
                if (verification != null) {
                    list.add(0, verification);
                }
                return list;
            }
        };

        for (String command : COMMANDS) {
            app.command(command, (req, ctx) -> {
                var p = req.getPayload();
                Turn turn = Turn.of(p.getUserId(), p.getResponseUrl(), p.getTriggerId());
                background.submit(turn, "slack:" + p.getTriggerId(), t -> commands.handle(t, p.getText()));
                return ctx.ack();
            });
        }
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> {
            var p = req.getPayload();
            Turn turn = Turn.of(p.getUser().getId(), p.getResponseUrl(), p.getTriggerId());
            // Slack sends one action per click; the trigger id drops a resend of it.
            background.submit(
                    turn, "slack:" + p.getTriggerId(), t -> p.getActions().forEach(a -> actions.handle(t, a)));
            return ctx.ack();
        });
        for (String callbackId : List.of(Ids.ADD_USER, Ids.EDIT_USER, Ids.INACTIVATE_USER)) {
            app.viewSubmission(
                    callbackId,
                    (req, ctx) -> answered(ctx, callbackId, () -> {
                        var p = req.getPayload();
                        Turn turn = Turn.of(p.getUser().getId(), null, p.getTriggerId());
                        var view = p.getView();
                        Submissions.Answer answer = submissions.handle(
                                turn, view.getCallbackId(), view.getState(), view.getPrivateMetadata());
                        if (answer instanceof Submissions.Answer.Errors errors) {
                            return ctx.ackWithErrors(errors.errors());
                        }
                        if (answer instanceof Submissions.Answer.Show show) {
                            return ctx.ackWithPush(show.view());
                        }
                        background.submit(turn, null, ((Submissions.Answer.Close) answer).then());
                        return ctx.ack(ViewSubmissionResponse.builder()
                                .responseAction("clear")
                                .build());
                    }));
        }
        app.viewSubmission(
                Ids.DENY_REQUEST,
                (req, ctx) -> answered(ctx, Ids.DENY_REQUEST, () -> {
                    var p = req.getPayload();
                    String[] meta = p.getView().getPrivateMetadata().split(" ", 2);
                    long requestId;
                    try {
                        requestId = Long.parseLong(meta[0]);
                    } catch (NumberFormatException e) {
                        return ctx.ackWithPush(AccountModals.message(
                                "Not sent", "This form is not known any more. Nothing was decided."));
                    }
                    var reason = p.getView().getState().getValues().get(RequestMessages.REASON);
                    String typed = reason == null || reason.get(RequestMessages.VALUE) == null
                            ? null
                            : reason.get(RequestMessages.VALUE).getValue();
                    Turn turn = Turn.of(p.getUser().getId(), meta.length > 1 ? meta[1] : null, p.getTriggerId());
                    background.submit(turn, "slack:" + p.getTriggerId(), t -> requestFlows.deny(t, requestId, typed));
                    return ctx.ack();
                }));
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            if ("home".equals(req.getEvent().getTab())) {
                Turn turn = Turn.of(req.getEvent().getUser(), null, null);
                background.submit(turn, "event:" + req.getEventId(), home::publish);
            }
            return ctx.ack();
        });
    }

    /**
     * A form's answer, whatever happens while it is made: Slack shows its own bare failure for anything but a 200, and
     * the person would not know whether anything was saved.
     */
    private static Response answered(ViewSubmissionContext ctx, String callbackId, Supplier<Response> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            log.error("the answer to a {} form failed", callbackId, e);
            return ctx.ackWithPush(AccountModals.message("Not saved", Background.sentenceFor(e)));
        }
    }

    /** Checks the bot token with Slack (auth.test) before the first request needs it. */
    public SlackBot start() {
        app.start();
        return this;
    }

    /** The scheduled side of requests: escalation to the help desk, expiry. */
    public RequestFlows requests() {
        return requestFlows;
    }

    /** What carries the outbox's messages into Slack. */
    public SlackCourier courier() {
        return courier;
    }

    public App app() {
        return app;
    }

    public Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    public void stop() {
        try {
            app.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
