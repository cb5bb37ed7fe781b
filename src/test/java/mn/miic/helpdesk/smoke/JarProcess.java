package mn.miic.helpdesk.smoke;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar, run as the README tells a user to run it: {@code java -Dfile.encoding=UTF-8 -jar
 * target/miic-helpdesk.jar [command]} in a process of its own, configured only by environment variables. Nothing of
 * this JVM's environment that the bot reads is passed on, so the test says everything the process gets.
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("miic.jar", "target/miic-helpdesk.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BOTS_SETTINGS =
            List.of("SLACK_", "DATABASE_", "MIIC_", "PORT", "LOG_FORMAT", "PLAYGROUND");

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with these arguments and settings; its output goes to {@code log}. */
    static JarProcess start(Map<String, String> env, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> BOTS_SETTINGS.stream().anyMatch(k::startsWith));
        builder.environment().putAll(env);
        builder.redirectOutput(log.toFile());
        try {
            Files.createDirectories(log.getParent());
            return new JarProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Runs a command of the jar (migrate, import) to its end; returns its exit code. */
    static Finished run(Map<String, String> env, Path log, String... args) {
        try (JarProcess jar = start(env, log, args)) {
            if (!jar.process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the jar did not finish: " + String.join(" ", args));
            }
            return new Finished(jar.process.exitValue(), jar.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Finished(int exitCode, String output) {}

    /** Waits until the bot answers {@code GET /readyz} with 200 on its port. */
    JarProcess awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the bot stopped with " + process.exitValue() + ":\n" + output());
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(
                                                                URI.create("http://localhost:" + port + "/readyz"))
                                                        .timeout(Duration.ofSeconds(2))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What in the log an operator would have to look into: an ERROR, a stack trace, a line that says something went
     * wrong. JSON lines are read as JSON (logstash-logback-encoder writes the trace under {@code stack_trace}).
     */
    List<String> troubles() {
        List<String> troubles = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    JsonNode entry = JSON.readTree(line);
                    if (entry.path("level").asText().equals("ERROR") || entry.has("stack_trace")) {
                        troubles.add(line);
                    }
                } catch (IOException e) {
                    troubles.add(line);
                }
            } else if (line.contains("Exception")
                    || line.startsWith("\tat ")
                    || line.contains("Something went wrong")) {
                troubles.add(line);
            }
        }
        return troubles;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills it as a crash would (SIGKILL): no shutdown hook, nothing finished. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it as Ctrl+C would (its shutdown hook stops the bot and the embedded PostgreSQL). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
