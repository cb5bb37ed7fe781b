package mn.miic.helpdesk.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring jobs on db-scheduler: each runs once per interval whatever the number of bot instances (the scheduler
 * picks an execution with a row lock in {@code scheduled_tasks}), and a restart picks up where the table says. The
 * outbox is not one of them: every instance polls it (see {@code Application}).
 */
public final class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** What a job does and how long to wait between two runs. */
    public record Job(Duration every, Runnable run) {}

    /** @param jobs job name to job; a failure is logged and the job runs again at its next interval */
    public static Jobs start(DataSource dataSource, Map<String, Job> jobs) {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        Duration shortest = Duration.ofSeconds(10);
        for (var entry : jobs.entrySet()) {
            String name = entry.getKey();
            Job job = entry.getValue();
            if (job.every().compareTo(shortest) < 0) {
                shortest = job.every();
            }
            tasks.add(Tasks.recurring(name, FixedDelay.of(job.every())).execute((instance, context) -> {
                try {
                    job.run().run();
                } catch (RuntimeException e) {
                    log.error("job {} failed; it runs again in {}", name, job.every(), e);
                }
            }));
        }
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(new ArrayList<>(tasks))
                .pollingInterval(shortest)
                .threads(2)
                // A bot killed while a job ran holds it until found dead: after 4 missed heartbeats of 5 s, not the
                // default half hour.
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .build();
        scheduler.start();
        return new Jobs(scheduler);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
