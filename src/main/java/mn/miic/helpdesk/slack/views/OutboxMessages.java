package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.usecases.ReadOutbox;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.OutboxStatus;

/** {@code /miic outbox}: what the bot owes people, for the help desk. */
public final class OutboxMessages {

    private OutboxMessages() {}

    public static List<LayoutBlock> report(ReadOutbox.Report report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String counts = report.counts().entrySet().stream()
                .map(e -> e.getValue() + " "
                        + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" · "));
        blocks.add(section(s -> s.text(Text.mrkdwn("*Messages the bot owes people*\n" + counts))));
        if (report.troubles().isEmpty()) {
            blocks.add(context(
                    c -> c.elements(List.of(Text.mrkdwn("Nothing waits, and nothing ended undone or given up.")))));
        }
        for (Outbox.Entry e : report.troubles()) {
            String line =
                    "#" + e.id() + " " + e.kind() + " · *" + e.status().name().toLowerCase(Locale.ROOT) + "*"
                            + " · " + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts") + " · since "
                            + Text.dateTime(e.createdAt())
                            + (e.status() == OutboxStatus.PENDING ? " · next " + Text.dateTime(e.nextAttemptAt()) : "")
                            + (e.outcome() == null ? "" : "\n" + Text.escape(e.outcome()))
                            + (e.lastError() == null ? "" : "\n_last error: " + Text.escape(e.lastError()) + "_");
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(Text.clip(line, 2_900))))));
        }
        return blocks;
    }
}
