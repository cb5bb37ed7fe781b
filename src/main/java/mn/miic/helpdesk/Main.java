package mn.miic.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.config.ConfigException;
import mn.miic.helpdesk.db.Database;
import mn.miic.helpdesk.db.DatabaseClock;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.importing.CsvImport;
import mn.miic.helpdesk.importing.ImportReport;
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
        System.exit(run(command, rest, config));
    }

    private static int run(String command, List<String> args, Config config) {
        ImportFiles files = null;
        if (command.equals("import")) {
            files = ImportFiles.parse(args);
            if (files == null) {
                System.err.println(USAGE);
                return 2;
            }
            for (String file : List.of(files.orgs, files.users)) {
                if (!files.demo && !Files.isReadable(Path.of(file))) {
                    System.err.println("Cannot read the file " + file + ". Nothing was imported.");
                    return 2;
                }
            }
        }
        Database database = config.database()
                .map(Database::connect)
                .orElseGet(() -> Database.embedded(config.embeddedDataDirectory()));
        log.info("Database: {}", database.description());
        try (database) {
            int applied = new Migrations(database.dataSource()).migrate();
            log.info("Database schema is up to date ({} migration(s) applied now)", applied);
            return switch (command) {
                case "migrate" -> 0;
                case "import" -> importFiles(files, config, database);
                default -> serve(config, database);
            };
        }
    }

    private static int serve(Config config, Database database) {
        // Every instance takes "now" from the database, so that jobs and deadlines agree across instances.
        Application app =
                new Application(config, database.dataSource(), new DatabaseClock(database.dsl())).start(config.port());
        log.info(
                "miic-helpdesk is running on http://localhost:{} (GET /healthz, /readyz). Stop with Ctrl+C.",
                app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
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
        CsvImport csvImport = new CsvImport(database.dsl(), new AccessPolicy(Clock.systemUTC(), config.duaValidFor()));
        try (Reader orgs = files.open(files.orgs);
                Reader users = files.open(files.users)) {
            ImportReport report = csvImport.run(orgs, files.orgs, users, files.users);
            report.problems().forEach(p -> System.err.println(p));
            (report.succeeded() ? System.out : System.err).println(report.summary());
            return report.succeeded() ? 0 : 1;
        } catch (NoSuchFileException e) {
            System.err.println("No such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            System.err.println("Cannot read the import files: " + e.getMessage());
            return 2;
        }
    }

    /** {@code --orgs FILE --users FILE}, or {@code --demo} for the demo files packed in the jar. */
    private record ImportFiles(String orgs, String users, boolean demo) {

        static ImportFiles parse(List<String> args) {
            if (args.equals(List.of("--demo"))) {
                return new ImportFiles("demo/organizations.csv", "demo/users.csv", true);
            }
            List<String> a = new ArrayList<>(args);
            int o = a.indexOf("--orgs");
            int u = a.indexOf("--users");
            if (a.size() != 4 || o < 0 || u < 0 || o + 1 >= a.size() || u + 1 >= a.size()) {
                return null;
            }
            return new ImportFiles(a.get(o + 1), a.get(u + 1), false);
        }

        Reader open(String name) throws IOException {
            if (!demo) {
                return Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8);
            }
            InputStream in = Main.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new NoSuchFileException(name);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }
}
