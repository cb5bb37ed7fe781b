package mn.miic.helpdesk.accounts.usecases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.access.Reach;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Privilege;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * One use case's transaction: the repositories on its connection, the requester as the store sees them now, and what
 * the audit row will be about.
 */
public final class UnitOfWork {

    final AccountRepository accounts;
    final OrganizationRepository organizations;
    private final AuditLog audit;
    private final DSLContext dsl;
    private final Actor actor;
    private final AuditAction action;
    private final Requester requester;
    private AuditLog.Subject subject = AuditLog.Subject.NONE;
    private final Outbox outbox;
    private final List<Long> owed = new ArrayList<>();
    private final Map<Class<? extends Owed>, Long> owedKinds = new HashMap<>();

    UnitOfWork(DSLContext dsl, Actor actor, AuditAction action, Outbox outbox) {
        this.outbox = outbox;
        this.accounts = new AccountRepository(dsl);
        this.organizations = new OrganizationRepository(dsl);
        this.audit = new AuditLog(dsl);
        this.dsl = dsl;
        this.actor = actor;
        this.action = action;
        this.requester = loadRequester();
    }

    public Requester requester() {
        return requester;
    }

    AuditLog.Subject subject() {
        return subject;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public OrganizationRepository organizations() {
        return organizations;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** What the audit row is about, allowed or refused. */
    public void about(Account target) {
        Organization org = organizations.findById(target.organizationId()).orElseThrow();
        subject = new AuditLog.Subject(target.id(), target.username(), org.id(), org.code());
    }

    public void about(String typedUsername) {
        subject = new AuditLog.Subject(null, typedUsername, null, null);
    }

    public void about(Organization organization) {
        subject = new AuditLog.Subject(
                subject.targetAccountId(), subject.targetUsername(), organization.id(), organization.code());
    }

    /** A message this change owes someone, written with it; returns its id. */
    public long owe(Owed message) {
        return owe(message, Outbox.Options.none());
    }

    public long owe(Owed message, Outbox.Options options) {
        long id = outbox.owe(dsl, message, options.tracing(actor.requestId()));
        owed.add(id);
        owedKinds.put(message.getClass(), id);
        return id;
    }

    /** A message owed unless the same one already waits (an App Home refresh): one delivery serves both. */
    public void oweOnce(Owed message) {
        outbox.oweOnce(dsl, message, Outbox.Options.none().tracing(actor.requestId()));
    }

    /** The message of this kind owed so far in this change, if any. */
    public Optional<Long> owedOf(Class<? extends Owed> kind) {
        return Optional.ofNullable(owedKinds.get(kind));
    }

    List<Long> owedIds() {
        return List.copyOf(owed);
    }

    public Actor actor() {
        return actor;
    }

    public void done(String reason, Map<String, Change> changes) {
        audit.done(actor, requester.account().username(), action, subject, reason, changes);
    }

    /**
     * Finds the target and holds its row lock until the transaction ends: for a change that cannot leave a location
     * without an administrator (an unlock, a reset, a reactivation), which goes on while another change to its
     * location is counting who would still manage it.
     */
    public Account lockTarget(String username) {
        return lock(username, OptionalLong.empty(), false);
    }

    /** {@link #lockTarget(String)} on the account {@code together} is about when it names one, else the username's. */
    public Account lockTarget(String username, Together together) {
        return lock(username, together.accountId(), false);
    }

    /**
     * For a change that could leave a location without an administrator (an inactivation, an edit): the location's
     * row first, then the account's, always in that order so that two changes never wait on each other in a circle.
     * Two such changes to one location run one after the other, and the second counts what the first left.
     */
    public Account lockTargetAndItsLocation(String username) {
        return lock(username, OptionalLong.empty(), true);
    }

    /** {@link #lockTargetAndItsLocation(String)} on the account {@code together} is about when it names one. */
    public Account lockTargetAndItsLocation(String username, Together together) {
        return lock(username, together.accountId(), true);
    }

    private Account lock(String username, OptionalLong id, boolean location) {
        about(username);
        Account found = (id.isPresent() ? accounts.findById(id.getAsLong()) : accounts.findByUsername(username))
                .orElseThrow(() -> Refusal.notFound(username));
        if (location) {
            organizations.lock(found.organizationId());
        }
        Account locked = accounts.lockById(found.id()).orElseThrow(() -> Refusal.notFound(username));
        about(locked);
        return locked;
    }

    /**
     * The account an action is about to start on (its confirmation or form), refused as the action itself would be;
     * the audit row is about it from then on.
     */
    public Account targetForAction(AccessPolicy policy, String username, AccountAction action) {
        about(username);
        policy.requireManager(requester, action.whatTheyTried());
        Account target = accounts.findByUsername(username).orElseThrow(() -> Refusal.notFound(username));
        policy.requireMayStart(requester, target, username, action);
        about(target);
        return target;
    }

    /** The organization a command names by code, or, when it names none, the one the requester works in now. */
    public Organization organizationOrWorking(String code) {
        if (code == null || code.isBlank()) {
            Account own = requester.account();
            long working = own.workingOrganizationId();
            // A switch to an organization they no longer reach falls back to home.
            long id = requester.reach().includes(working) ? working : own.organizationId();
            return organizations.findById(id).orElseThrow();
        }
        return organizations
                .findByCode(code)
                .orElseThrow(() ->
                        Refusal.notAllowed("There is no MIIC organization with the code \"" + code.trim() + "\"."));
    }

    public Organization organizationOf(Account account) {
        return organizations.findById(account.organizationId()).orElseThrow();
    }

    private Requester loadRequester() {
        if (actor.accountId() == null) {
            throw Refusal.notAllowed("This action needs a MIIC account.");
        }
        Account account = accounts.findById(actor.accountId())
                .orElseThrow(() -> Refusal.notAllowed(
                        "Your Slack user is not linked to a MIIC account. Ask the MIIC help desk to link you."));
        Organization home = organizations.findById(account.organizationId()).orElseThrow();
        return new Requester(account, home, reachOf(account, home));
    }

    private Reach reachOf(Account account, Organization home) {
        if (Requester.isHelpDesk(account, home)) {
            return Reach.EVERYTHING;
        }
        Set<Long> roots = new HashSet<>(account.additionalOrganizationIds());
        roots.add(home.id());
        if (account.role().has(Privilege.CHILD_ORGANIZATIONS)) {
            return Reach.of(organizations.withDescendants(roots));
        }
        return Reach.of(roots);
    }
}
