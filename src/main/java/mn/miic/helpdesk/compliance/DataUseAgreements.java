package mn.miic.helpdesk.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.usecases.AccountTransactions;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;

/**
 * The organizations' Data Use Agreements: where each stands for the administrators who reach it, and the help desk's
 * record of a renewal. A lapsed agreement stops adds (see {@code Rules.currentDua}); a renewal recorded here lets them
 * go on at once, since every add reads the organization as it is now.
 */
public final class DataUseAgreements {

    public static final String ORGANIZATION_FIELD = "organization";
    public static final String DATE_FIELD = "dua_date";

    /** How far ahead the help desk's list looks: the first reminder's. */
    public static final int HELP_DESK_HORIZON_DAYS = DuaTerm.REMINDER_DAYS.get(0);

    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US).withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** One organization's agreement: its term, or null when no DUA date is on file. */
    public record Standing(Organization organization, DuaTerm term, LocalDate today) {

        public boolean onFile() {
            return term != null;
        }

        /** Days until it lapses (negative once lapsed); none on file counts as lapsed long ago. */
        public long daysLeft() {
            return term == null ? Long.MIN_VALUE : term.daysLeft(today);
        }
    }

    /**
     * @param helpDesk whether this is the help desk's list (lapsing soon and lapsed, MIIC-wide) or one administrator's
     *     (every organization they reach)
     */
    public record Listing(List<Standing> organizations, boolean helpDesk, LocalDate today) {}

    /** A renewal recorded: the organization as it is now, and the agreement's date before. */
    public record Renewal(Organization organization, LocalDate before, DuaTerm term) {}

    private final AccountTransactions transactions;
    private final Clock clock;
    private final Period validFor;

    public DataUseAgreements(AccountTransactions transactions, Clock clock, Period validFor) {
        this.transactions = transactions;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** The agreements of the organizations in the requester's reach, soonest to lapse first. */
    public Listing list(Actor actor) {
        return transactions.run(actor, AuditAction.READ_DUA, unit -> {
            Requester requester = unit.requester();
            unit.about(requester.account());
            if (!requester.isManager() || !requester.account().isInGoodStanding()) {
                throw Refusal.notAllowed("Only MIIC administrators and Health System Users in good standing see their"
                        + " organizations' Data Use Agreements. Ask your site's administrator, or the MIIC help desk at "
                        + AccessPolicy.HELP_DESK_EMAIL + ".");
            }
            LocalDate today = today();
            List<Organization> organizations = requester.reach().everything()
                    ? unit.organizations().findAll()
                    : unit.organizations().findAllById(requester.reach().organizationIds());
            List<Standing> standings = new ArrayList<>();
            for (Organization org : organizations) {
                Standing s =
                        new Standing(org, org.duaDate() == null ? null : new DuaTerm(org.duaDate(), validFor), today);
                if (!requester.reach().everything() || needsTheHelpDesk(s)) {
                    standings.add(s);
                }
            }
            standings.sort(Comparator.comparingLong(Standing::daysLeft)
                    .thenComparing(s -> s.organization().code()));
            unit.done(standings.size() + " organizations shown", Map.of());
            return new Listing(List.copyOf(standings), requester.reach().everything(), today);
        });
    }

    /** Whether the requester may record a renewal (the help desk in good standing); returns today, for the form. */
    public LocalDate mayRenew(Actor actor) {
        return transactions.run(actor, AuditAction.READ_DUA, unit -> {
            requireHelpDesk(unit.requester());
            unit.about(unit.requester().account());
            unit.done("renewal form opened", Map.of());
            return today();
        });
    }

    /**
     * The help desk records the date of an organization's renewed agreement. The date is typed as YYYY-MM-DD (or as
     * MM/DD/YYYY); it must be newer than the one on file, not in the future, and still current.
     */
    public Renewal renew(Actor actor, String organizationCode, String dateText) {
        return transactions.run(actor, AuditAction.RENEW_DUA, unit -> {
            Requester requester = unit.requester();
            unit.about(requester.account());
            requireHelpDesk(requester);
            if (organizationCode == null || organizationCode.isBlank()) {
                throw InvalidInput.of(ORGANIZATION_FIELD, "Name the organization by its MIIC code, for example TEST1.");
            }
            Organization org = unit.organizations()
                    .findByCode(organizationCode)
                    .orElseThrow(() -> InvalidInput.of(
                            ORGANIZATION_FIELD,
                            "There is no MIIC organization with the code \"" + organizationCode.trim() + "\"."));
            unit.about(org);
            LocalDate today = today();
            LocalDate date = parse(dateText);
            if (date.isAfter(today)) {
                throw InvalidInput.of(
                        DATE_FIELD,
                        "The DUA date is the day the renewed agreement was signed, so it"
                                + " cannot be in the future.");
            }
            DuaTerm term = new DuaTerm(date, validFor);
            if (term.lapsed(today)) {
                throw InvalidInput.of(
                        DATE_FIELD,
                        "An agreement dated " + date + " lapsed on " + term.lapsesOn()
                                + ": check the date on the signed renewal.");
            }
            if (org.duaDate() != null && !date.isAfter(org.duaDate())) {
                throw InvalidInput.of(
                        DATE_FIELD,
                        date.equals(org.duaDate())
                                ? "The DUA dated " + date + " is already on file for " + org.displayName() + "."
                                : "The DUA on file for " + org.displayName() + " is dated " + org.duaDate()
                                        + ", newer than " + date
                                        + ": a renewal is newer than the agreement it renews.");
            }
            new DuaRepository(unit.dsl()).renew(org.id(), date);
            unit.done(
                    "renewed DUA recorded; it lapses on " + term.lapsesOn(),
                    Map.of(
                            DATE_FIELD,
                            new Change(
                                    org.duaDate() == null ? null : org.duaDate().toString(), date.toString())));
            Organization now = unit.organizations().findById(org.id()).orElseThrow();
            return new Renewal(now, org.duaDate(), term);
        });
    }

    private static void requireHelpDesk(Requester requester) {
        if (!requester.isHelpDesk() || !requester.account().isInGoodStanding()) {
            throw Refusal.notAllowed("Only the MIIC help desk records a renewed Data Use Agreement. Send the signed"
                    + " agreement to " + AccessPolicy.HELP_DESK_EMAIL + ".");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AccessPolicy.MINNESOTA);
    }

    /** The help desk's list: agreements lapsing within the horizon or lapsed, and organizations with none on file. */
    private static boolean needsTheHelpDesk(Standing s) {
        if (!s.onFile()) {
            return s.organization().kind() != OrganizationKind.STATE;
        }
        return s.daysLeft() <= HELP_DESK_HORIZON_DAYS;
    }

    private static LocalDate parse(String text) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            throw InvalidInput.of(
                    DATE_FIELD, "Give the renewed agreement's date as YYYY-MM-DD, for example 2026-07-01.");
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(typed, US_DATE);
            } catch (DateTimeParseException notUs) {
                throw InvalidInput.of(
                        DATE_FIELD, "\"" + typed + "\" is not a date. Give it as YYYY-MM-DD, for example 2026-07-01.");
            }
        }
    }
}
