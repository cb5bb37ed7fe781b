package mn.miic.helpdesk.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.PersonName;
import mn.miic.helpdesk.accounts.domain.Phone;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.accounts.store.NewAccount;
import mn.miic.helpdesk.db.Now;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.jooq.DSLContext;

/** Test data built in code: organizations and accounts with sensible defaults, straight into the store. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String[] LAST_NAMES = {
        "Ramirez",
        "Nguyen",
        "Johnson",
        "Olson",
        "Hassan",
        "Larson",
        "Yang",
        "Peterson",
        "Ali",
        "Anderson",
        "Vang",
        "Lindqvist"
    };

    private final DSLContext dsl;
    private final PasswordHasher hasher = new PasswordHasher();

    /** @param dsl the application's, so that rows are stamped with its clock */
    public Fixtures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Today in Minnesota, by the application's clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(Now.of(dsl).toInstant(), AccessPolicy.MINNESOTA);
    }

    /** An organization's Data Use Agreement signed a year ago: valid for two more. */
    public LocalDate currentDua() {
        return today().minusYears(1);
    }

    public Organization org(String code, OrganizationKind kind) {
        return org(code, kind, null, currentDua());
    }

    public Organization org(String code, OrganizationKind kind, Organization parent) {
        return org(code, kind, parent, currentDua());
    }

    public Organization org(String code, OrganizationKind kind, Organization parent, LocalDate dua) {
        var repo = new OrganizationRepository(dsl);
        long id = repo.insert(code, code + " " + kind.label(), kind, parent == null ? null : parent.id(), dua);
        return repo.findById(id).orElseThrow();
    }

    public AccountBuilder account(Organization org) {
        return new AccountBuilder(org);
    }

    /** An account builder; every account gets a unique username and email unless told otherwise. */
    public final class AccountBuilder {
        private final Organization org;
        private final int n = SEQUENCE.incrementAndGet();
        private RoleAssignment role = RoleAssignment.of(Role.TYPICAL_USER);
        private String username;
        private String first = "Pat";
        private String last = LAST_NAMES[n % LAST_NAMES.length];
        private AccountStatus status = AccountStatus.ACTIVE;
        private boolean locked;
        private String email;
        private String password;
        private Instant lastSignIn;
        private LocalDate accessUntil;
        private final Set<Long> additional = new HashSet<>();

        private AccountBuilder(Organization org) {
            this.org = org;
            this.username = "user" + n + "x";
            this.email = "person" + n + "@example.org";
        }

        public AccountBuilder role(Role r) {
            this.role = RoleAssignment.of(r);
            return this;
        }

        public AccountBuilder role(RoleAssignment r) {
            this.role = r;
            return this;
        }

        public AccountBuilder username(String u) {
            this.username = u;
            return this;
        }

        public AccountBuilder name(String firstName, String lastName) {
            this.first = firstName;
            this.last = lastName;
            return this;
        }

        public AccountBuilder status(AccountStatus s) {
            this.status = s;
            return this;
        }

        public AccountBuilder locked() {
            this.locked = true;
            return this;
        }

        public AccountBuilder email(String e) {
            this.email = e;
            return this;
        }

        public AccountBuilder password(String plaintext) {
            this.password = plaintext;
            return this;
        }

        public AccountBuilder lastSignIn(Instant at) {
            this.lastSignIn = at;
            return this;
        }

        /** The last day of time-limited access. */
        public AccountBuilder accessUntil(LocalDate lastDay) {
            this.accessUntil = lastDay;
            return this;
        }

        public AccountBuilder alsoIn(Organization other) {
            additional.add(other.id());
            return this;
        }

        public Account create() {
            var repo = new AccountRepository(dsl);
            long id = repo.insert(new NewAccount(
                    org.id(),
                    new AccountDetails(
                            username,
                            new PersonName(first, null, last),
                            role,
                            new Phone("651", "5550" + String.format("%03d", n % 1000), null),
                            email,
                            null,
                            additional,
                            accessUntil),
                    status,
                    locked,
                    lastSignIn,
                    null));
            if (password != null) {
                String hash = hasher.hash(password);
                repo.setCredential(id, new Credential(hash, null, false), null);
                repo.addToHistory(id, hash, false);
            }
            return repo.findById(id).orElseThrow();
        }
    }
}
