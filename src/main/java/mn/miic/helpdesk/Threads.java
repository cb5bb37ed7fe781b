package mn.miic.helpdesk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the bot's work runs after Slack is acknowledged, and where deliveries kicked at commit run. Both are bounded:
 * when their queue is full the work is refused at once (the person is told "MIIC is busy"; a delivery waits for the
 * scheduled run), never queued to run after Slack's trigger ids have expired. Tests run both on the calling thread.
 */
public record Threads(Executor slackWork, Executor deliveries) {

    /** Production's: 16 workers and 200 waiting for Slack's requests, 2 and 500 for deliveries. */
    public static Threads pooled() {
        return new Threads(pool("slack-work", 16, 200), pool("outbox-kick", 2, 500));
    }

    /** Everything on the thread that asked: what happens is over when the call returns. */
    public static Threads inline() {
        return new Threads(Runnable::run, Runnable::run);
    }

    void shutdown() {
        for (Executor e : new Executor[] {slackWork, deliveries}) {
            if (e instanceof ExecutorService service) {
                service.shutdown();
                try {
                    service.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ExecutorService pool(String name, int threads, int waiting) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(waiting), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
