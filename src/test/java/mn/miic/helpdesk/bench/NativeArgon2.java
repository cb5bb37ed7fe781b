package mn.miic.helpdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Argon2id check with the bot's parameters in the reference C implementation (Debian's {@code argon2}, which
 * links libargon2), as the tool times it itself: the process start is not counted.
 */
final class NativeArgon2 {

    private static final Pattern SECONDS = Pattern.compile("([0-9.]+) seconds");

    private NativeArgon2() {}

    /** How long each of {@code n} hashes took, in milliseconds; empty when the tool is not installed. */
    static List<Double> checks(int n) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process p;
            try {
                p = new ProcessBuilder("argon2", "benchsaltbenchsalt", "-id", "-t", "2", "-k", "19456", "-p", "1")
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException notInstalled) {
                return List.of();
            }
            p.getOutputStream().write(LifecycleBenchmark.PASSWORD.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = SECONDS.matcher(out);
            if (m.find()) {
                ms.add(Double.parseDouble(m.group(1)) * 1000);
            }
        }
        return ms;
    }
}
