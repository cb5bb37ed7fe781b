package mn.miic.helpdesk.slack.listeners;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.compliance.ComplianceUseCases;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Home;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.SlackPeople;
import mn.miic.helpdesk.slack.listeners.actions.AccountMenuAction;
import mn.miic.helpdesk.slack.listeners.actions.Action;
import mn.miic.helpdesk.slack.listeners.actions.ApproveRequestAction;
import mn.miic.helpdesk.slack.listeners.actions.AskAction;
import mn.miic.helpdesk.slack.listeners.actions.CancelAction;
import mn.miic.helpdesk.slack.listeners.actions.ClaimRequestAction;
import mn.miic.helpdesk.slack.listeners.actions.ConfirmAction;
import mn.miic.helpdesk.slack.listeners.actions.DenyRequestAction;
import mn.miic.helpdesk.slack.listeners.actions.RenewDuaAction;
import mn.miic.helpdesk.slack.listeners.actions.ReviewInactivateAction;
import mn.miic.helpdesk.slack.listeners.actions.ReviewKeepAction;
import mn.miic.helpdesk.slack.listeners.actions.ReviewKeepAllAction;
import mn.miic.helpdesk.slack.listeners.actions.ReviewOpenAction;
import mn.miic.helpdesk.slack.listeners.actions.ReviewPageAction;
import mn.miic.helpdesk.slack.listeners.actions.SearchPageAction;
import mn.miic.helpdesk.slack.listeners.commands.AccountCommand;
import mn.miic.helpdesk.slack.listeners.commands.AddCommand;
import mn.miic.helpdesk.slack.listeners.commands.Command;
import mn.miic.helpdesk.slack.listeners.commands.CommandRouter;
import mn.miic.helpdesk.slack.listeners.commands.DuaCommand;
import mn.miic.helpdesk.slack.listeners.commands.HelpCommand;
import mn.miic.helpdesk.slack.listeners.commands.LinkCommand;
import mn.miic.helpdesk.slack.listeners.commands.OrgCommand;
import mn.miic.helpdesk.slack.listeners.commands.OutboxCommand;
import mn.miic.helpdesk.slack.listeners.commands.QueueCommand;
import mn.miic.helpdesk.slack.listeners.commands.RequestCommand;
import mn.miic.helpdesk.slack.listeners.commands.ReviewCommand;
import mn.miic.helpdesk.slack.listeners.commands.RolesCommand;
import mn.miic.helpdesk.slack.listeners.commands.StatsCommand;
import mn.miic.helpdesk.slack.listeners.commands.UnlinkCommand;
import mn.miic.helpdesk.slack.listeners.commands.UsersCommand;
import mn.miic.helpdesk.slack.listeners.commands.WhoamiCommand;
import mn.miic.helpdesk.slack.listeners.events.AppHomeOpened;
import mn.miic.helpdesk.slack.listeners.events.UserChanged;
import mn.miic.helpdesk.slack.listeners.views.AddUserForm;
import mn.miic.helpdesk.slack.listeners.views.DenyRequestForm;
import mn.miic.helpdesk.slack.listeners.views.EditUserForm;
import mn.miic.helpdesk.slack.listeners.views.Form;
import mn.miic.helpdesk.slack.listeners.views.InactivateUserForm;
import mn.miic.helpdesk.slack.listeners.views.ReactivateUserForm;
import mn.miic.helpdesk.slack.listeners.views.RenewDuaForm;
import org.jooq.DSLContext;

/** Every listener of the bot, built once with what it needs; {@code SlackBot} registers them by their ids. */
public final class Listeners {

    private final SlackIdentities identities;
    private final Home home;
    private final CommandRouter commands;
    private final List<Action> actions;
    private final List<Form> forms;
    private final AppHomeOpened appHomeOpened;
    private final SlackPeople people;
    private final UserChanged userChanged;

    public Listeners(
            AccountUseCases accounts,
            RequestUseCases requests,
            ComplianceUseCases compliance,
            DSLContext dsl,
            SlackApi slack,
            Optional<String> helpDeskChannel,
            Clock clock) {
        this.people = new SlackPeople(slack);
        this.identities = new SlackIdentities(dsl, accounts.transactions(), people);
        this.userChanged = new UserChanged(identities, people);
        Conversation conversation = new Conversation(slack, identities);
        AccountActions accountActions = new AccountActions(accounts, conversation);
        Searches searches = new Searches(accounts, conversation, slack);
        Asking asking = new Asking(requests, conversation);
        this.home = new Home(conversation, accounts, requests, compliance.reviews(), slack, clock);
        Reviews reviews = new Reviews(compliance.reviews(), conversation, slack);

        List<Command> all = new ArrayList<>(List.of(
                new HelpCommand(accounts, conversation),
                new RolesCommand(conversation),
                new WhoamiCommand(accounts, conversation),
                new OrgCommand(accounts, conversation),
                new UsersCommand(searches),
                new AddCommand(accounts, conversation),
                new RequestCommand(asking, requests, conversation, helpDeskChannel.isPresent()),
                new QueueCommand(requests, conversation, clock),
                new LinkCommand(identities, conversation),
                new UnlinkCommand(identities, conversation),
                new OutboxCommand(accounts, conversation),
                new DuaCommand(compliance.duas(), conversation),
                new ReviewCommand(compliance.reviews(), conversation),
                new StatsCommand(requests, conversation)));
        all.addAll(AccountCommand.all(accountActions, conversation));
        this.commands = new CommandRouter(conversation, all);
        this.actions = List.of(
                new AccountMenuAction(accountActions),
                new ConfirmAction(accounts, conversation),
                new CancelAction(conversation),
                new SearchPageAction(searches),
                new ApproveRequestAction(requests, conversation),
                new DenyRequestAction(requests, conversation),
                new ClaimRequestAction(requests, conversation),
                new AskAction(asking),
                new RenewDuaAction(compliance.duas(), conversation),
                new ReviewKeepAction(reviews),
                new ReviewInactivateAction(reviews),
                new ReviewKeepAllAction(reviews),
                new ReviewPageAction(reviews),
                new ReviewOpenAction(reviews));
        this.forms = List.of(
                new AddUserForm(accounts, conversation, slack),
                new EditUserForm(accounts, conversation, slack),
                new InactivateUserForm(accounts, conversation, slack),
                new ReactivateUserForm(accounts, conversation, slack),
                new DenyRequestForm(requests, conversation),
                new RenewDuaForm(compliance.duas(), conversation, slack));
        this.appHomeOpened = new AppHomeOpened(home);
    }

    public SlackIdentities identities() {
        return identities;
    }

    public Home home() {
        return home;
    }

    public CommandRouter commands() {
        return commands;
    }

    public List<Action> actions() {
        return actions;
    }

    public List<Form> forms() {
        return forms;
    }

    /** The workspace's directory the listeners look people up in (its cache shared with the deliveries'). */
    public SlackPeople people() {
        return people;
    }

    public UserChanged userChanged() {
        return userChanged;
    }

    public AppHomeOpened appHomeOpened() {
        return appHomeOpened;
    }
}
