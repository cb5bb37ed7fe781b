package mn.miic.helpdesk.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The playground's Slack workspace: the demo's people ({@code db/demo/slack-members.csv}, packed in the jar), most of
 * them with the MIIC account of the same email, one with none; and the help-desk channel. Nobody in it has used the
 * bot: the bot finds them by their profile email, as in a real workspace.
 */
public record Workspace(List<Member> members) {

    public static final String TEAM_ID = "T0PLAY";
    public static final String TEAM_NAME = "MIIC Playground";
    public static final String HELPDESK_CHANNEL = "C0HELPDESK";
    public static final String HELPDESK_CHANNEL_NAME = "miic-helpdesk";
    /** The bot's own Slack user. */
    public static final String BOT_USER = "U0MIICBOT";

    public static final String BOT_NAME = "MIIC Help Desk";
    /** Who the page opens as: an Administrator of Test Clinic, so that {@code /miic users} lists her clinic. */
    public static final String FIRST_PERSON = "U0MINNIE";

    public static Workspace demo() {
        try (InputStream in = Workspace.class.getClassLoader().getResourceAsStream("demo/slack-members.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/slack-members.csv is not in this build");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workspace read(Reader csv) throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(csv)
                .getRecords();
        return new Workspace(rows.stream()
                .map(r -> new Member(
                        r.get("slack_id"), r.get("real_name"), r.get("display_name"), r.get("email"), r.get("title")))
                .toList());
    }

    public Optional<Member> member(String slackUserId) {
        return members.stream().filter(m -> m.id().equals(slackUserId)).findFirst();
    }

    public Optional<Member> withEmail(String email) {
        return members.stream().filter(m -> m.email().equalsIgnoreCase(email)).findFirst();
    }

    /** A DM's conversation id, as Slack gives one: D and the person's id. */
    public static String dmOf(String slackUserId) {
        return "D" + slackUserId.substring(1);
    }
}
