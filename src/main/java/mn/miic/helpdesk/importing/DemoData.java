package mn.miic.helpdesk.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.access.AccessPolicy;

/**
 * The guide's demo organizations and users ({@code db/demo}, packed in the jar). Their dates are written relative to
 * the day of the import ({@code today-P8M}: eight months ago), so that whenever the demo is loaded, Minnie Mouse
 * signed in yesterday and Old Mill Pharmacy's agreement lapsed years ago, and the first sweep finds what the README
 * says it will.
 */
public final class DemoData {

    public static final String ORGANIZATIONS = "demo/organizations.csv";
    public static final String USERS = "demo/users.csv";
    private static final Pattern RELATIVE = Pattern.compile("\\btoday(?:-(P[0-9YMWD]+))?\\b");

    private final CsvImport csvImport;
    private final AccessPolicy policy;

    public DemoData(CsvImport csvImport, AccessPolicy policy) {
        this.csvImport = csvImport;
        this.policy = policy;
    }

    public ImportReport load() {
        LocalDate today = policy.today();
        return csvImport.run(
                new StringReader(resolve(read(ORGANIZATIONS), today)),
                ORGANIZATIONS,
                new StringReader(resolve(read(USERS), today)),
                USERS);
    }

    /** Every {@code today} or {@code today-<ISO period>} in the text, as the date it means. */
    static String resolve(String csv, LocalDate today) {
        Matcher m = RELATIVE.matcher(csv);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate date = m.group(1) == null ? today : today.minus(Period.parse(m.group(1)));
            m.appendReplacement(out, date.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the demo file " + resource + " is not in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
