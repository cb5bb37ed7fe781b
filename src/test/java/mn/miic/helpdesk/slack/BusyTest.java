package mn.miic.helpdesk.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static mn.miic.helpdesk.support.BlockKit.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mn.miic.helpdesk.Threads;
import mn.miic.helpdesk.support.SlackHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When every worker is busy and the queue is full, the person hears so at once, never an answer far too late. */
class BusyTest {

    private final SlackHarness slack = new SlackHarness();
    private final ThreadPoolExecutor oneWorker =
            new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1));

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void a_command_that_finds_the_queue_full_is_told_miic_is_busy_at_once_and_nothing_changes() {
        // Slack takes two seconds to say who U0SLOW is: the one worker is held, one command waits, the third is
        // refused.
        slack.slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=U0SLOW"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0SLOW\",\"profile\":{}}}")
                        .withFixedDelay(2_000)));
        int port = slack.startInstance(new Threads(oneWorker, Runnable::run));

        String first = send(port, "U0SLOW");
        String second = send(port, "U0SLOW");
        long started = System.nanoTime();
        String third = send(port, "U0SLOW");
        long acknowledged = (System.nanoTime() - started) / 1_000_000;

        assertThat(textOf(slack.reply(third))).contains("MIIC is busy right now; nothing was changed");
        assertThat(acknowledged).as("acknowledged at once").isLessThan(1_000);
        assertThat(slack.replies(first))
                .as("the first is still being worked on")
                .isEmpty();
        assertThat(textOf(slack.reply(first))).contains("not linked");
        assertThat(textOf(slack.reply(second))).contains("not linked");
        assertThat(slack.replies(third)).hasSize(1);
    }

    private String send(int port, String user) {
        String responseUrl = "/respond/" + UUID.randomUUID();
        var response =
                slack.postSignedTo(port, slack.commandBody(user, "whoami", responseUrl, SlackHarness.newTrigger()));
        assertThat(response.statusCode()).isEqualTo(200);
        return responseUrl;
    }
}
