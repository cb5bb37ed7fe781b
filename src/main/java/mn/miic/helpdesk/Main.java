package mn.miic.helpdesk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.ConfigException;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.DatabaseClock;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.importing.ImportReport;
import mn.miic.helpdesk.outbox.SecretBox;
import mn.miic.helpdesk.playground.Playground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runnable jar: {@code serve} (the default), {@code migrate}, {@code import}. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: java -jar miic-helpdesk.jar [command]",
            "  serve                                 migrate the database, then run the bot (the default)",
            "  migrate                               apply the database migrations and exit",
            "  import --orgs FILE --users FILE       import organizations and accounts from CSV (all or nothing)",
            "  import --demo                         import the demo organizations and users of the MIIC guide",
            "Configuration comes from environment variables; see README.md.");

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (List.of("help", "-h", "--help").contains(command)) {
            System.out.println(USAGE);
            return;
        }
        if (!List.of("serve", "migrate", "import").contains(command)) {
            System.err.println("Unknown command \"" + command + "\".");
            System.err.println(USAGE);
            System.exit(2);
        }
        Config config;
        try {
            config = Config.from(System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("Configuration problem: " + p));
            System.exit(2);
            return;
        }
        if (command.equals("serve") && config.playground()) {
            System.exit(playground(config, System.getenv()));
        }
        System.exit(run(command, rest, config));
    }

    /** No Slack and no database given: the bot in a workspace of its own, in the browser. */
    private static int playground(Config config, java.util.Map<String, String> env) {
        Playground playground;
        try {
            playground = Playground.start(config, env, DatabaseClock.MACHINE, Main::prepare);
        } catch (RuntimeException e) {
            System.err.println("The playground could not start: " + rootMessage(e));
            return 1;
        }
        log.info("Database: {}", playground.description());
        log.info(
                "The playground is running: open http://localhost:{}/ in a browser (no Slack needed; the demo data is"
                        + " fresh at every start). Stop with Ctrl+C.",
                playground.port());
        return untilStopped(playground::close);
    }

    private static int run(String command, List<String> args, Config given) {
        Config config = given;
        ImportFiles files = null;
        if (command.equals("import")) {
            files = ImportFiles.parse(args);
            if (files == null) {
                System.err.println(USAGE);
                return 2;
            }
            for (String file : files.demo() ? List.<String>of() : List.of(files.orgs(), files.users())) {
                if (!Files.isReadable(Path.of(file))) {
                    System.err.println("Cannot read the file " + file + ". Nothing was imported.");
                    return 2;
                }
            }
        }
        Database database = given.database()
                .map(url -> Database.connect(url, given.migrationDatabase().orElse(null)))
                .orElseGet(() -> Database.embedded(given.embeddedDataDirectory()));
        if (config.database().isEmpty() && config.deliveryKey().isEmpty()) {
            // The embedded default keeps the key of the passwords waiting in the outbox beside its data.
            config = config.withDeliveryKey(SecretBox.keyInFile(config.embeddedDeliveryKeyFile()));
        }
        log.info("Database: {}", database.description());
        try (database) {
            if (database.oneRoleForBoth()) {
                log.warn("DATABASE_MIGRATION_USER is not set, so the bot's own role owns the schema: the audit log is"
                        + " only as safe as that role (see README, Two database roles)");
            }
            if (!prepare(database)) {
                return 1;
            }
            return switch (command) {
                case "migrate" -> 0;
                case "import" -> importFiles(files, config, database);
                default -> serve(config, database);
            };
        }
    }

    /** Migrates the database; false (said in one line) when it cannot. */
    private static boolean prepare(Database database) {
        try {
            int applied = new Migrations(database.migrationDataSource(), database.runtimeRole()).migrate();
            log.info("Database schema is up to date ({} migration(s) applied now)", applied);
            return true;
        } catch (RuntimeException e) {
            // An operator's mistake (a wrong URL, password or role), said in one line, not a stack trace.
            System.err.println("Cannot prepare the database (" + database.description() + "): " + rootMessage(e));
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static int serve(Config config, Database database) {
        Application app = new Application(config, database.dataSource(), DatabaseClock.MACHINE).start(config.port());
        log.info(
                "miic-helpdesk is running on http://localhost:{} (GET /healthz, /readyz). Stop with Ctrl+C.",
                app.port());
        return untilStopped(app::stop);
    }

    /** Waits for Ctrl+C (or a SIGTERM), then stops what runs. */
    private static int untilStopped(Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int importFiles(ImportFiles files, Config config, Database database) {
        // The same application as serve builds, so the import's "today" is the bot's.
        Application app = new Application(config, database.dataSource(), DatabaseClock.MACHINE);
        if (files.demo()) {
            return report(app.demoData().load());
        }
        try (Reader orgs = Files.newBufferedReader(Path.of(files.orgs()), StandardCharsets.UTF_8);
                Reader users = Files.newBufferedReader(Path.of(files.users()), StandardCharsets.UTF_8)) {
            return report(app.csvImport().run(orgs, files.orgs(), users, files.users()));
        } catch (NoSuchFileException e) {
            System.err.println("No such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            System.err.println("Cannot read the import files: " + e.getMessage());
            return 2;
        }
    }

    private static int report(ImportReport report) {
        report.problems().forEach(p -> System.err.println(p));
        (report.succeeded() ? System.out : System.err).println(report.summary());
        return report.succeeded() ? 0 : 1;
    }

    /** {@code --orgs FILE --users FILE}, or {@code --demo} for the demo files packed in the jar. */
    private record ImportFiles(String orgs, String users, boolean demo) {

        static ImportFiles parse(List<String> args) {
            if (args.equals(List.of("--demo"))) {
                return new ImportFiles(null, null, true);
            }
            List<String> a = new ArrayList<>(args);
            int o = a.indexOf("--orgs");
            int u = a.indexOf("--users");
            if (a.size() != 4 || o < 0 || u < 0 || o + 1 >= a.size() || u + 1 >= a.size()) {
                return null;
            }
            return new ImportFiles(a.get(o + 1), a.get(u + 1), false);
        }
    }
}
