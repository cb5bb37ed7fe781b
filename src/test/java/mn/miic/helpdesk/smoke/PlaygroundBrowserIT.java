package mn.miic.helpdesk.smoke;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The playground as a trainer uses it: the packaged jar started with no settings but a port and its folders (the
 * README's run command), and a real headless Chromium (Debian's, never a downloaded one) driven by Playwright through
 * the stories of issue 14. Every click goes through the page, the playground's Slack side, the signed
 * {@code /slack/events} and the bot, and back. A screenshot of each step lands in {@code target/playground-stories}.
 * Each story uses people of its own, so the stories hold in any order.
 */
class PlaygroundBrowserIT {

    private static final Path WORK = Path.of("target", "it", "playground");
    private static final Path SHOTS = Path.of("target", "playground-stories");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPOSER = Pattern.compile("^Message ");

    private static JarProcess jar;
    private static int port;
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private String story;
    private int step;

    @BeforeAll
    static void startThePlaygroundAndABrowser() throws IOException {
        port = JarProcess.freePort();
        jar = JarProcess.start(
                Map.of(
                        "PORT", String.valueOf(port),
                        "MIIC_PLAYGROUND_DIR",
                                WORK.resolve("postgres").toAbsolutePath().toString(),
                        "MIIC_DATA_DIR",
                                WORK.resolve("real-mode").toAbsolutePath().toString()),
                WORK.resolve("playground.log"));
        jar.awaitReady(port);
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** Debian's chromium, or the one CHROMIUM names; .ci/run installs it. */
    private static Path chromium() {
        Path path = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path + ": apt-get install chromium (as .ci/run does),"
                    + " or set CHROMIUM to one");
        }
        return path;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (jar != null) {
            jar.close();
        }
    }

    @BeforeEach
    void newBrowserContext(TestInfo info) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        story = info.getTestMethod().orElseThrow().getName();
        step = 0;
    }

    @AfterEach
    void closeIt() {
        context.close();
    }

    @Test
    void minnie_finds_mickey_and_reactivates_him() {
        Page minnie = context.newPage();
        minnie.navigate(url(""));
        // It opens as Minnie Mouse, an Administrator of Test Clinic.
        assertThat(minnie.getByTestId("me")).containsText("Minnie Mouse");
        assertThat(minnie.getByTestId("me")).containsText("Administrator");
        assertThat(minnie.getByTestId("me")).containsText("Test Clinic");
        shot(minnie, "opens-as-minnie");

        type(minnie, "/miic users mouse");
        Locator results = botMessage(minnie, "Users matching");
        assertThat(results).containsText("Mouse, Mickey");
        assertThat(results).containsText("Inactive Expired");
        shot(minnie, "search");

        results.locator(".pg-section-with-accessory", new Locator.LocatorOptions().setHasText("mousem1"))
                .getByLabel("More actions")
                .click();
        minnie.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Reactivate"))
                .click();
        Locator question = pinned(botMessage(minnie, "Reactivate Mickey Mouse"));
        assertThat(question).containsText("The 90-day inactivity clock restarts today");
        shot(minnie, "confirm");

        question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reactivate"))
                .click();
        // The confirmation is replaced in place by the outcome.
        assertThat(question)
                .containsText(
                        "reactivated",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setIgnoreCase(true));
        assertThat(minnie.getByText("The 90-day inactivity clock restarts today"))
                .hasCount(0);
        shot(minnie, "reactivated");

        Page mickey = as("U0MICKEY");
        assertThat(botMessage(mickey, "Your MIIC account was reactivated by Minnie Mouse"))
                .isVisible();
        assertThat(mickey.getByTestId("me")).containsText("Test Clinic · Active");
        shot(mickey, "mickeys-dm");
    }

    @Test
    void diana_of_the_help_desk_unlocks_wonder_woman() {
        Page diana = as("U0DIANA");
        type(diana, "/miic unlock wonderw1");
        Locator question = pinned(botMessage(diana, "Unlock Wonder Woman"));
        shot(diana, "confirm");
        question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlock"))
                .click();
        assertThat(question)
                .containsText(
                        "unlocked",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setIgnoreCase(true));
        shot(diana, "unlocked");

        Page wonder = as("U0WONDER");
        assertThat(wonder.getByTestId("me")).not().containsText("locked");
        assertThat(botMessage(wonder, "unlocked")).isVisible();
        shot(wonder, "her-dm");
    }

    @Test
    void barbara_asks_for_an_unlock_and_sees_bruces_approval_arrive() {
        Page barbara = as("U0BARBARA");
        // Her note is shown as she typed it: no link, no @channel.
        type(barbara, "/miic request unlock locked out <https://evil.example|Appeal in MIIC> <!channel>");
        assertThat(botMessage(barbara, "I sent")).isVisible();
        shot(barbara, "asked");

        Page bruce = as("U0BRUCE");
        Locator request = pinned(botMessage(bruce, "Barbara Gordon"));
        shot(bruce, "the-request");
        assertThat(request).containsText("<https://evil.example|Appeal in MIIC> <!channel>");
        assertThat(bruce.locator("a[href*='evil.example']")).hasCount(0);
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(request).containsText("Approved");
        shot(bruce, "approved");

        // Barbara's page, never reloaded, shows the answer as it comes.
        assertThat(botMessage(barbara, "approved")).isVisible();
        assertThat(barbara.getByTestId("me")).not().containsText("locked");
        shot(barbara, "the-answer-arrives");
    }

    @Test
    void an_add_with_a_generic_username_shows_the_error_at_the_field_then_a_good_one_sends_one_password()
            throws Exception {
        Page minnie = as("U0MINNIE");
        type(minnie, "/miic add");
        Locator form = minnie.getByRole(AriaRole.DIALOG);
        assertThat(form).containsText("Username");
        form.getByLabel("First name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Front");
        form.getByLabel("Last name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Desk");
        form.getByLabel("Username", new Locator.GetByLabelOptions().setExact(true))
                .fill("frontdesk");
        form.getByLabel("Role", new Locator.GetByLabelOptions().setExact(true)).selectOption("Typical User");
        form.getByLabel("Email", new Locator.GetByLabelOptions().setExact(true))
                .fill("front.desk@testclinic.example.org");
        shot(minnie, "filled");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add user"))
                .click();
        Locator error = form.locator(".pg-input-block", new Locator.LocatorOptions().setHasText("Username"))
                .getByRole(AriaRole.ALERT);
        assertThat(error).containsText("generic");
        shot(minnie, "error-at-the-field");
        assertThat(form).isVisible();

        form.getByLabel("Username", new Locator.GetByLabelOptions().setExact(true))
                .fill("deskf1");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add user"))
                .click();
        assertThat(minnie.getByRole(AriaRole.DIALOG)).hasCount(0);
        Locator dm = botMessage(minnie, "Temporary password for");
        assertThat(dm).containsText("Give it to them in person or by phone");
        assertThat(dm).containsText("(new account)");
        shot(minnie, "the-password-dm");
        String password = dm.locator("code").allInnerTexts().stream()
                .filter(code -> !code.equals("deskf1"))
                .findFirst()
                .orElseThrow();

        // "frontdesk" saved nothing; the password is in exactly one message anyone in the workspace can see.
        assertThat(everyMessageAnyoneSees().stream().filter(m -> m.contains(password)))
                .hasSize(1);
        type(minnie, "/miic users frontdesk");
        assertThat(botMessage(minnie, "No users").or(botMessage(minnie, "0 accounts")))
                .isVisible();
    }

    @Test
    void the_help_desk_claims_a_request_nobody_answered_in_the_channel() {
        Page iris = as("U0IRIS");
        type(iris, "/miic request reset I forgot it");
        assertThat(botMessage(iris, "I sent")).isVisible();
        // Nobody at her sites answers for 30 minutes.
        iris.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+30 min"))
                .click();
        shot(iris, "half-an-hour-later");

        Page diana = as("U0DIANA");
        diana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("# miic-helpdesk"))
                .click();
        Locator request = pinned(botMessage(diana, "Iris West"));
        shot(diana, "in-the-channel");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim"))
                .click();
        assertThat(request).containsText("Diana Prince");
        shot(diana, "claimed");
    }

    @Test
    void a_manager_glances_at_the_app_home() {
        Page bruce = as("U0BRUCE");
        bruce.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Home"))
                .click();
        Locator home = bruce.getByLabel("Home", new Page.GetByLabelOptions().setExact(true));
        assertThat(home).containsText("Your MIIC account");
        assertThat(home).containsText("North Star Clinic - Duluth");
        assertThat(home).containsText("Open requests");
        shot(bruce, "home");
    }

    @Test
    void every_command_of_the_help_answers_a_newcomer() {
        Page minnie = as("U0MINNIE");
        type(minnie, "/miic help");
        Locator help = botMessage(minnie, "Manage your site's MIIC users");
        shot(minnie, "help");
        String helpText = help.innerText();
        List<String> site = List.of(
                "users",
                "user goofg1",
                "add",
                "edit goofg1",
                "unlock goofg1",
                "reactivate duckd1",
                "inactivate goofg1",
                "reset goofg1",
                "audit goofg1",
                "queue",
                "whoami",
                "roles",
                "org",
                "request help Where do I find the DUA?");
        for (String command : site) {
            assertThat(helpText).contains("/miic " + command.split(" ")[0]);
            answered(minnie, command);
        }
        Page diana = as("U0DIANA");
        for (String command : List.of("link @Lone Star lonestar", "unlink lonestar", "outbox", "users star")) {
            answered(diana, command);
        }
        // A mention typed in the box reaches the bot as Slack escapes it, and names the person.
        assertThat(botMessage(diana, "is now linked to")).containsText("@Lone Star");
        // Nothing a newcomer typed made Slack say the app failed.
        assertThat(minnie.getByText("did not respond")).hasCount(0);
        assertThat(minnie.getByText("failed with the error")).hasCount(0);
        assertThat(diana.getByText("failed with the error")).hasCount(0);
    }

    /** Types a command and waits for the bot's answer: a message, or a modal (closed again). */
    private void answered(Page page, String command) {
        Locator fromBot = page.getByTestId("message").filter(new Locator.FilterOptions().setHasText("MIIC Help Desk"));
        int before = fromBot.count();
        type(page, "/miic " + command);
        Locator modal = page.getByRole(AriaRole.DIALOG);
        page.waitForCondition(() -> fromBot.count() > before || modal.count() > 0);
        if (modal.count() > 0) {
            shot(page, command.split(" ")[0] + "-form");
            modal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                    .click();
            assertThat(modal).hasCount(0);
        } else {
            assertThat(fromBot.last()).not().containsText("Something went wrong");
        }
    }

    @Test
    void its_log_without_a_terminal_is_json_with_the_address_to_open() throws Exception {
        List<String> lines = jar.output().lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            JSON.readTree(line);
        }
        assertThat(lines).anyMatch(l -> l.contains("open http://localhost:" + port + "/"));
        assertThat(jar.troubles()).isEmpty();
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private Page as(String slackUserId) {
        Page page = context.newPage();
        page.navigate(url("?as=" + slackUserId));
        assertThat(page.getByTestId("me")).isVisible();
        return page;
    }

    private static String url(String query) {
        return "http://localhost:" + port + "/" + query;
    }

    private static void type(Page page, String text) {
        Locator box = page.getByLabel(COMPOSER);
        box.fill(text);
        box.press("Enter");
    }

    /** The newest message from the bot that says this. */
    private static Locator botMessage(Page page, String text) {
        return page.getByTestId("message")
                .filter(new Locator.FilterOptions().setHasText(text))
                .filter(new Locator.FilterOptions().setHasText("MIIC Help Desk"))
                .last();
    }

    /** The same message however it is updated later: found by its Slack timestamp. */
    private static Locator pinned(Locator message) {
        assertThat(message).isVisible();
        return message.page().locator("[data-ts='" + message.getAttribute("data-ts") + "']");
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(String.format("%s-%02d-%s.png", story, ++step, name))));
    }

    /** The text of every message each person of the workspace sees, each message once. */
    private static List<String> everyMessageAnyoneSees() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode people = get(http, "/play/people").path("people");
        Set<String> seen = new HashSet<>();
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode person : people) {
            JsonNode state = get(http, "/play/state?as=" + person.path("id").asText());
            for (JsonNode conversation : state.path("conversations")) {
                for (JsonNode m : conversation.path("messages")) {
                    if (seen.add(conversation.path("id").asText() + "/"
                            + m.path("ts").asText())) {
                        texts.add(m.path("text").asText() + " " + m.path("blocks"));
                    }
                }
            }
        }
        return texts;
    }

    private static JsonNode get(HttpClient http, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
