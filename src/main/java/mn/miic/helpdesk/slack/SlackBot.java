package mn.miic.helpdesk.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.UserChangeEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.compliance.ComplianceUseCases;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.delivery.SlackCourier;
import mn.miic.helpdesk.slack.listeners.Listeners;
import mn.miic.helpdesk.slack.listeners.actions.Action;
import mn.miic.helpdesk.slack.listeners.views.Answer;
import mn.miic.helpdesk.slack.listeners.views.Form;
import mn.miic.helpdesk.slack.views.AccountModals;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: a Bolt app with each listener registered by its id, answering within Slack's 3 seconds
 * and doing the rest in the {@link Background}. The same app serves the HTTP endpoint and Socket Mode.
 */
public final class SlackBot {

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

    /** What this app registers, for the test that holds {@code manifest.yml} to it. */
    public static final List<String> COMMANDS = List.of(Ids.COMMAND);

    public static final List<String> EVENTS = List.of(AppHomeOpenedEvent.TYPE_NAME, UserChangeEvent.TYPE_NAME);

    /** @param helpDeskChannel where requests nobody decided go; empty to keep them in the help desk's queue */
    public record Settings(String botToken, String signingSecret, String apiUrl, Optional<String> helpDeskChannel) {}

    private final App app;
    private final Background background;
    private final SlackCourier courier;

    /** @param work where the work behind each acknowledged request runs (bounded) */
    public SlackBot(
            Settings settings,
            AccountUseCases accounts,
            RequestUseCases requests,
            ComplianceUseCases compliance,
            DSLContext dsl,
            Clock clock,
            Executor work) {
        SlackConfig slackConfig = new SlackConfig();
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        slackConfig.setMethodsEndpointUrlPrefix(base);
        Slack slack = Slack.getInstance(slackConfig);
        SlackApi api = new SlackApi(slack, settings.botToken());
        Listeners listeners =
                new Listeners(accounts, requests, compliance, dsl, api, settings.helpDeskChannel(), clock);
        // Deliveries look people up without waiting: a rate limit moves the delivery's next attempt instead.
        SlackApi once = api.withoutWaiting();
        this.courier = new SlackCourier(
                once,
                new SlackIdentities(
                        dsl, accounts.transactions(), listeners.people().through(once)),
                dsl,
                requests,
                settings.helpDeskChannel(),
                listeners.home()::publish,
                clock);
        // A request reaches its site's managers even when none of them has used the bot yet.
        requests.ask().reachWith(listeners.identities()::reachIfSlackAnswers);
        this.background = new Background(new OnceKeys(dsl), api, work);
        this.app = new App(appConfig(settings, slack)) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
                List<Middleware> list = super.buildDefaultMiddlewareList(config);
                // Slack's signature checked first, to Slack's whole rule, in place of Bolt's.
                if (settings.signingSecret() != null) {
                    list.add(0, new SlackRequestVerification(settings.signingSecret(), clock));
                }
                return list;
            }
        };
        register(listeners);
    }

    private static AppConfig appConfig(Settings settings, Slack slack) {
        return AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack)
                .authTestCacheEnabled(true)
                .requestVerificationEnabled(false)
                .build();
    }

    private void register(Listeners listeners) {
        app.command(Ids.COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            Turn turn = Turn.of(p.getUserId(), p.getResponseUrl(), p.getTriggerId());
            // A retry of the same command (X-Slack-Retry-Num) carries the same trigger id: it runs once.
            background.submit(
                    turn, "slack:" + p.getTriggerId(), t -> listeners.commands().handle(t, p.getText()));
            return ctx.ack();
        });
        for (Action action : listeners.actions()) {
            for (String actionId : action.actionIds()) {
                app.blockAction(actionId, (req, ctx) -> {
                    var p = req.getPayload();
                    Turn turn = Turn.of(p.getUser().getId(), p.getResponseUrl(), p.getTriggerId());
                    String value = valueOf(p.getActions(), actionId);
                    background.submit(turn, "slack:" + p.getTriggerId(), t -> action.handle(t, value));
                    return ctx.ack();
                });
            }
        }
        for (Form form : listeners.forms()) {
            app.viewSubmission(form.callbackId(), (req, ctx) -> {
                var p = req.getPayload();
                Turn turn = Turn.of(p.getUser().getId(), null, p.getTriggerId());
                return answer(ctx, form, turn, () -> form.submit(turn, p.getView()));
            });
        }
        app.event(UserChangeEvent.class, (req, ctx) -> {
            if (req.getEvent().getUser() == null) {
                return ctx.ack();
            }
            Turn turn = Turn.of(req.getEvent().getUser().getId(), null, null);
            background.submit(turn, "event:" + req.getEventId(), t -> listeners
                    .userChanged()
                    .handle(req.getEvent()));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            if (listeners.appHomeOpened().concerns(req.getEvent())) {
                Turn turn = Turn.of(req.getEvent().getUser(), null, null);
                background.submit(turn, "event:" + req.getEventId(), listeners.appHomeOpened()::handle);
            }
            return ctx.ack();
        });
    }

    /** The value of the clicked button, or the menu option chosen. */
    private static String valueOf(List<BlockActionPayload.Action> actions, String actionId) {
        return actions.stream()
                .filter(a -> actionId.equals(a.getActionId()))
                .findFirst()
                .map(a -> a.getSelectedOption() != null ? a.getSelectedOption().getValue() : a.getValue())
                .orElse(null);
    }

    /**
     * A form's answer, whatever happens while it is made: Slack shows its own bare failure for anything but a 200, and
     * the person would not know whether anything was saved.
     */
    private Response answer(
            ViewSubmissionContext ctx, Form form, Turn turn, java.util.function.Supplier<Answer> submitted) {
        try {
            Answer answer = submitted.get();
            if (answer instanceof Answer.Errors errors) {
                return ctx.ackWithErrors(errors.errors());
            }
            if (answer instanceof Answer.Show show) {
                return ctx.ackWithPush(show.view());
            }
            Runnable then = ((Answer.Close) answer).then();
            background.submit(turn, "slack:" + turn.triggerId(), t -> then.run());
            return ctx.ack(
                    ViewSubmissionResponse.builder().responseAction("clear").build());
        } catch (RuntimeException e) {
            log.error("the answer to a {} form failed", form.callbackId(), e);
            return ctx.ackWithPush(AccountModals.message("Not saved", Background.sentenceFor(e)));
        }
    }

    /** Checks the bot token with Slack (auth.test) before the first request needs it. */
    public SlackBot start() {
        app.start();
        return this;
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
