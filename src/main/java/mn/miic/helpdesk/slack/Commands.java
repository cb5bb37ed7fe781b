package mn.miic.helpdesk.slack;

import java.util.Locale;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.slack.views.AccountMessages;

/** {@code /miic <command> [arguments]} (SPEC 4.2), each to its flow. */
public final class Commands {

    private final AccountFlows flows;
    private final RequestFlows requests;

    public Commands(AccountFlows flows, RequestFlows requests) {
        this.flows = flows;
        this.requests = requests;
    }

    public void handle(Turn turn, String text) {
        String line = text == null ? "" : text.trim();
        String[] parts = line.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].trim() : "";
        switch (name) {
            case "", "help" -> flows.help(turn);
            case "users", "search" -> flows.search(turn, searchOf(rest), false);
            case "user", "show", "view" -> flows.card(turn, flows.target(rest));
            case "add" -> flows.openAdd(turn, rest.isEmpty() ? null : rest);
            case "edit" -> flows.start(turn, AccountOp.EDIT, flows.target(rest));
            case "unlock" -> flows.start(turn, AccountOp.UNLOCK, flows.target(rest));
            case "reactivate" -> flows.start(turn, AccountOp.REACTIVATE, flows.target(rest));
            case "inactivate", "deactivate" -> flows.start(turn, AccountOp.INACTIVATE, flows.target(rest));
            case "reset" -> flows.start(turn, AccountOp.RESET, flows.target(rest));
            case "audit", "history" -> flows.auditTrail(turn, flows.target(rest));
            case "roles" -> flows.roles(turn);
            case "org", "organization" -> flows.organizations(turn, rest);
            case "whoami", "me" -> flows.whoami(turn);
            case "request", "ask" -> {
                String[] args = rest.split("\\s+", 2);
                if (args[0].equalsIgnoreCase("help")) {
                    requests.askHelpDesk(turn, args.length > 1 ? args[1] : null);
                } else {
                    requests.ask(turn, args[0], args.length > 1 ? args[1] : null);
                }
            }
            case "queue", "requests" -> requests.queue(turn);
            case "outbox" -> flows.outbox(turn);
            case "link" -> {
                String[] args = rest.split("\\s+");
                flows.link(turn, args[0], args.length > 1 ? args[1] : null);
            }
            default -> {
                flows.who(turn);
                flows.reply(
                        turn,
                        AccountMessages.say("I don't know `" + name.replace("`", "") + "`. Type `/miic help` to see"
                                + " what you can do."),
                        "Unknown command");
            }
        }
    }

    /** "users", "users mouse", "users --inactive mouse": the guide's Active / Inactive / All choice as a flag. */
    static SearchPage searchOf(String rest) {
        StatusFilter filter = StatusFilter.ALL;
        String text = rest;
        for (StatusFilter f : StatusFilter.values()) {
            String flag = "--" + f.name().toLowerCase(Locale.ROOT);
            if (text.toLowerCase(Locale.ROOT).startsWith(flag)) {
                filter = f;
                text = text.substring(flag.length()).trim();
            }
        }
        if (text.length() > 60) {
            throw Refusal.notAllowed("Search for a last name, first name or username: at most 60 characters.");
        }
        return new SearchPage(null, text, filter, 0);
    }
}
