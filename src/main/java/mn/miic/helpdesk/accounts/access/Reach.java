package mn.miic.helpdesk.accounts.access;

import java.util.Set;

/** The organizations whose users a requester may manage: a set of ids, or every organization for the help desk. */
public record Reach(boolean everything, Set<Long> organizationIds) {

    public static final Reach NONE = new Reach(false, Set.of());
    public static final Reach EVERYTHING = new Reach(true, Set.of());

    public Reach {
        organizationIds = Set.copyOf(organizationIds);
    }

    public static Reach of(Set<Long> organizationIds) {
        return new Reach(false, organizationIds);
    }

    public boolean includes(long organizationId) {
        return everything || organizationIds.contains(organizationId);
    }
}
