package mn.miic.helpdesk.accounts.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A role as given to an account: one of the five roles, optionally "with Ordering". */
public record RoleAssignment(Role role, boolean ordering) {

    private static final String WITH_ORDERING = " with Ordering";

    public RoleAssignment {
        Objects.requireNonNull(role, "role");
    }

    public static RoleAssignment of(Role role) {
        return new RoleAssignment(role, false);
    }

    public static RoleAssignment withOrdering(Role role) {
        return new RoleAssignment(role, true);
    }

    public Set<Privilege> privileges() {
        EnumSet<Privilege> all = EnumSet.copyOf(role.privileges());
        if (ordering) {
            all.add(Privilege.VACCINE_ORDERING);
        }
        return all;
    }

    public boolean has(Privilege privilege) {
        return privileges().contains(privilege);
    }

    public boolean managesUsers() {
        return role.managesUsers();
    }

    /** True when every privilege of {@code other} is one of ours: the no-escalation rule of SPEC 3. */
    public boolean covers(RoleAssignment other) {
        return privileges().containsAll(other.privileges());
    }

    public String label() {
        return role.label() + (ordering ? WITH_ORDERING : "");
    }

    /** Parses "Administrator with Ordering" as well as "Administrator". */
    public static Optional<RoleAssignment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(WITH_ORDERING.toLowerCase(Locale.ROOT))) {
            String base = trimmed.substring(0, trimmed.length() - WITH_ORDERING.length());
            return Role.parse(base).map(RoleAssignment::withOrdering);
        }
        return Role.parse(trimmed).map(RoleAssignment::of);
    }

    @Override
    public String toString() {
        return label();
    }
}
