package mn.miic.helpdesk.slack;

import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.SlackHarness;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** A request's log lines and its audit rows carry one request id; the log lines are JSON objects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdLogsTest {

    private final SlackHarness slack = new SlackHarness();

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void theLogLineAndTheAuditRowOfACommandShareItsRequestId() {
        Account me = slack.link(
                slack.fixtures
                        .account(slack.fixtures.org("LOG1", OrganizationKind.CLINIC))
                        .create(),
                "U0LOGGED");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            assertThat(textOf(slack.reply(slack.command("U0LOGGED", "whoami")))).contains(me.username());
        } finally {
            root.detachAppender(logs);
        }
        ILoggingEvent line = logs.list.stream()
                .filter(e -> e.getFormattedMessage().contains("Slack request from U0LOGGED"))
                .findFirst()
                .orElseThrow();
        String requestId = line.getMDCPropertyMap().get("request_id");
        assertThat(requestId).isNotBlank();
        assertThat(slack.auditOf(me)).anyMatch(e -> e.action() == AuditAction.VIEW && requestId.equals(e.requestId()));

        LogstashEncoder json = new LogstashEncoder();
        json.start();
        String encoded = new String(json.encode(line), StandardCharsets.UTF_8);
        assertThat(encoded).startsWith("{").contains("\"request_id\":\"" + requestId + "\"");
    }
}
