package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.requests.ReadRequestFigures;
import mn.miic.helpdesk.requests.RequestFigures.Figures;

/** The help desk's figures for requests: the last 7 and 30 days, overall and per organization. */
public final class FigureMessages {

    /** Organizations one message lists, busiest first. */
    public static final int LIST_LIMIT = 15;

    private FigureMessages() {}

    public static List<LayoutBlock> stats(ReadRequestFigures.Report r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(
                s -> s.text(Text.mrkdwn("*Requests for help* " + (r.helpDesk() ? "(MIIC-wide)" : "(your organizations)")
                        + "\n*Last 7 days*\n" + summary(r.week()) + "\n*Last 30 days*\n" + summary(r.month())))));
        if (!r.organizations().isEmpty()) {
            StringBuilder lines = new StringBuilder("*By organization* (7 days · 30 days)\n");
            for (var o : r.organizations().subList(0, Math.min(r.organizations().size(), LIST_LIMIT))) {
                lines.append("• *")
                        .append(Text.org(o.organization()))
                        .append("*: ")
                        .append(line(o.week()))
                        .append(" · ")
                        .append(line(o.month()))
                        .append('\n');
            }
            String text = lines.toString();
            blocks.add(section(s -> s.text(Text.mrkdwn(Text.clip(text, 3000)))));
        }
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("First response: until the help desk claimed it or"
                + " someone decided it. The same figures are on /metrics as histograms"
                + " (miic_request_first_response_seconds, miic_request_decision_seconds).")))));
        return blocks;
    }

    /** The figures of a period, in four lines. */
    static String summary(Figures f) {
        if (f.asked() == 0) {
            return "No requests.";
        }
        return f.asked() + " asked · " + f.decided() + " decided · " + f.open() + " open · " + f.expired()
                + " expired unanswered\n"
                + "Decided by the site: " + f.bySite() + " (" + share(f) + ") · by the help desk: " + f.byHelpDesk()
                + " · escalated to the help desk: " + f.escalated() + "\n"
                + "First response: median " + duration(f.medianFirstResponse()) + ", 90% within "
                + duration(f.p90FirstResponse()) + "\n"
                + "Decision: median " + duration(f.medianDecision()) + ", 90% within " + duration(f.p90Decision());
    }

    static String line(Figures f) {
        if (f.asked() == 0) {
            return "none";
        }
        return f.asked() + " asked, " + f.bySite() + " by the site, " + f.byHelpDesk() + " by the help desk, "
                + f.escalated() + " escalated, median decision " + duration(f.medianDecision());
    }

    private static String share(Figures f) {
        return f.siteShare() == null ? "—" : f.siteShare() + "%";
    }

    /** "12 min", "3 h 5 min", "2 days"; "—" for none. */
    static String duration(Duration d) {
        return d == null ? "—" : RequestMessages.age(d);
    }
}
