package mn.miic.helpdesk.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.importing.ImportReport;

/**
 * The bot without a Slack workspace: the same {@link Application} as real mode, configured to call a Slack stand-in
 * in this process and to be called by it, over HTTP and signed as Slack signs; on an embedded PostgreSQL of its own,
 * loaded afresh with the guide's demo data at every start; shown in a page that looks like Slack.
 */
public final class Playground implements AutoCloseable {

    private final PlaygroundWeb web;
    private final Database database;
    private final Application app;
    private final FileChannel folderLock;

    private Playground(PlaygroundWeb web, Database database, Application app, FileChannel folderLock) {
        this.web = web;
        this.database = database;
        this.app = app;
        this.folderLock = folderLock;
    }

    /**
     * Starts it: the page's port first (so that a port in use stops it before anything is touched), then a fresh
     * database, the demo data, and the bot.
     *
     * @param config the settings read from the environment (the playground's own Slack settings are added to them)
     * @param env the environment they were read from: the bot is configured from it, with the playground's Slack
     * @param machine this machine's clock (skipping ahead moves the playground's time from it)
     * @param prepare migrates the database, as real mode does; false when it could not
     */
    public static Playground start(
            Config config, Map<String, String> env, Clock machine, java.util.function.Predicate<Database> prepare) {
        PlaygroundClock time = new PlaygroundClock(machine);
        AtomicReference<Clock> botClock = new AtomicReference<>(time);
        String botToken = "xoxb-playground-" + random(16);
        String signingSecret = random(32);
        SlackStandIn slack = new SlackStandIn(Workspace.demo(), botToken, botClock::get);
        SlackServers servers = new SlackServers(slack, signingSecret, botClock::get);
        PlaygroundWeb web = new PlaygroundWeb(slack, servers, time, botClock::get);
        try {
            web.start(config.port());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "port " + config.port() + " is in use (another playground, or a bot?):"
                            + " stop it, or set PORT to another port",
                    e);
        }
        Database database = null;
        FileChannel folderLock = null;
        try {
            folderLock = lock(config.playgroundDataDirectory());
            database = Database.embedded(fresh(config.playgroundDataDirectory(), config.embeddedDataDirectory()));
            if (!prepare.test(database)) {
                throw new IllegalStateException("the playground's database could not be prepared");
            }
            Map<String, String> botEnv = botEnvironment(env, config, web.port(), botToken, signingSecret);
            Config botConfig = Config.from(botEnv);
            Application app = new Application(botConfig, database.dataSource(), time);
            botClock.set(app.clock());
            ImportReport demo = app.demoData().load();
            if (!demo.succeeded()) {
                throw new IllegalStateException("the demo data did not load: " + demo.summary());
            }
            app.start(0);
            servers.connect(web.port(), app.port());
            web.readAccountsFrom(new MemberAccounts(app.dsl()));
            return new Playground(web, database, app, folderLock);
        } catch (RuntimeException e) {
            web.stop();
            if (database != null) {
                database.close();
            }
            release(folderLock);
            throw e;
        }
    }

    /** The page's port. */
    public int port() {
        return web.port();
    }

    /** The bot's own port, where its {@code /slack/events} and health answer. */
    public int botPort() {
        return app.port();
    }

    public String description() {
        return database.description();
    }

    @Override
    public void close() {
        app.stop();
        web.stop();
        database.close();
        release(folderLock);
    }

    private static void release(FileChannel lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // The process is ending anyway; the system lets go of the lock then.
            }
        }
    }

    /**
     * The bot's settings: the operator's own (periods, thresholds, log level) with the playground's Slack, database
     * folder and keys; the jobs run every 2 seconds and the inactivity sweep every 10, so that skipping ahead shows at
     * once.
     */
    static Map<String, String> botEnvironment(
            Map<String, String> env, Config config, int port, String botToken, String signingSecret) {
        Map<String, String> bot = new HashMap<>(env);
        bot.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DATABASE_") || k.equals("PORT"));
        bot.put("PLAYGROUND", "off");
        bot.put("SLACK_BOT_TOKEN", botToken);
        bot.put("SLACK_SIGNING_SECRET", signingSecret);
        bot.put("SLACK_API_URL", "http://127.0.0.1:" + port + PlaygroundWeb.API_PATH);
        bot.put("HELPDESK_CHANNEL_ID", Workspace.HELPDESK_CHANNEL);
        bot.put("MIIC_DATA_DIR", config.playgroundDataDirectory().toString());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        bot.put("DELIVERY_KEY", Base64.getEncoder().encodeToString(key));
        bot.putIfAbsent("JOBS_EVERY", "PT2S");
        bot.putIfAbsent("SWEEP_EVERY", "PT10S");
        return bot;
    }

    /**
     * The playground's data folder, emptied: every start is the demo as the guide describes it. The folder is the
     * playground's own, never real mode's.
     */
    static Path fresh(Path folder, Path realModeFolder) {
        if (folder.toAbsolutePath()
                .normalize()
                .equals(realModeFolder.toAbsolutePath().normalize())) {
            throw new IllegalStateException("MIIC_PLAYGROUND_DIR is the folder of real mode's data (MIIC_DATA_DIR): the"
                    + " playground empties its folder at every start, so give it one of its own");
        }
        try {
            if (Files.isDirectory(folder)) {
                boolean empty;
                try (Stream<Path> inside = Files.list(folder)) {
                    empty = inside.findAny().isEmpty();
                }
                if (!empty && !Files.exists(folder.resolve("PG_VERSION"))) {
                    throw new IllegalStateException("the playground's folder " + folder + " holds something other"
                            + " than its database; it empties that folder at every start: give MIIC_PLAYGROUND_DIR"
                            + " a folder of its own");
                }
                serverIn(folder).ifPresent(Playground::stopOrphan);
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty the playground's folder " + folder, e);
        }
    }

    /** The live process a PostgreSQL pid file in the folder names, if any. */
    private static java.util.Optional<ProcessHandle> serverIn(Path folder) throws IOException {
        Path pid = folder.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return java.util.Optional.empty();
        }
        try {
            long id = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            return ProcessHandle.of(id).filter(ProcessHandle::isAlive);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Holds the playground's folder for as long as this process lives: the operating system lets go of the lock when
     * the process ends, even killed, so a lock taken means no other playground uses the folder.
     */
    static FileChannel lock(Path folder) {
        try {
            Files.createDirectories(folder.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(
                    folder.resolveSibling(folder.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException("another playground is running on " + folder + ": stop it, or set"
                        + " MIIC_PLAYGROUND_DIR to another folder");
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("a playground of this process already runs on " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the playground's folder " + folder, e);
        }
    }

    /**
     * The PostgreSQL server a killed playground left running on the folder (its terminal closed, say): nobody uses it
     * (the folder's lock is ours), so it is stopped, so that this start is not stuck.
     */
    private static void stopOrphan(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an old playground's PostgreSQL", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
