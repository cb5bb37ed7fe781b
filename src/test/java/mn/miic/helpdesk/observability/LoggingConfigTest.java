package mn.miic.helpdesk.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shipped logging configuration keeps the Slack SDK (which logs bodies at DEBUG) at INFO, whatever the root. */
class LoggingConfigTest {

    @Test
    void the_slack_sdk_stays_at_info_when_the_root_is_at_debug() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        System.setProperty("LOG_LEVEL", "DEBUG");
        try {
            configure(context);
            assertThat(context.getLogger("mn.miic.helpdesk").isDebugEnabled()).isTrue();
            for (String sdk : new String[] {
                "com.slack.api.bolt.App", "com.slack.api.methods.impl.MethodsClientImpl", "com.slack.api.util.http"
            }) {
                assertThat(context.getLogger(sdk).isDebugEnabled()).as(sdk).isFalse();
                assertThat(context.getLogger(sdk).isInfoEnabled()).as(sdk).isTrue();
            }
        } finally {
            System.clearProperty("LOG_LEVEL");
            configure(context);
        }
        assertThat(context.getLogger("mn.miic.helpdesk").isDebugEnabled()).isFalse();
    }

    private static void configure(LoggerContext context) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LoggingConfigTest.class.getResource("/logback.xml"));
    }
}
