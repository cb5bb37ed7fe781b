package mn.miic.helpdesk.accounts.domain;

import static mn.miic.helpdesk.accounts.domain.Privilege.CHILD_ORGANIZATIONS;
import static mn.miic.helpdesk.accounts.domain.Privilege.DATA_EXCHANGE;
import static mn.miic.helpdesk.accounts.domain.Privilege.EDIT_CLIENTS_AND_IMMUNIZATIONS;
import static mn.miic.helpdesk.accounts.domain.Privilege.INVENTORY;
import static mn.miic.helpdesk.accounts.domain.Privilege.LISTS_AND_ASSESSMENT_REPORTS;
import static mn.miic.helpdesk.accounts.domain.Privilege.MANAGE_CLINICIANS_SITES_PHYSICIANS;
import static mn.miic.helpdesk.accounts.domain.Privilege.MANAGE_USERS;
import static mn.miic.helpdesk.accounts.domain.Privilege.VIEW_CLIENTS;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The five MIIC roles of the guide, each the union of the privileges the guide lists for it. */
public enum Role {
    READ_ONLY("Read Only", EnumSet.of(VIEW_CLIENTS, LISTS_AND_ASSESSMENT_REPORTS)),
    TYPICAL_USER(
            "Typical User",
            EnumSet.of(
                    VIEW_CLIENTS,
                    EDIT_CLIENTS_AND_IMMUNIZATIONS,
                    LISTS_AND_ASSESSMENT_REPORTS,
                    DATA_EXCHANGE,
                    INVENTORY)),
    READ_ONLY_ADMINISTRATOR(
            "Read Only Administrator", EnumSet.of(VIEW_CLIENTS, LISTS_AND_ASSESSMENT_REPORTS, MANAGE_USERS)),
    ADMINISTRATOR(
            "Administrator",
            EnumSet.of(
                    VIEW_CLIENTS,
                    EDIT_CLIENTS_AND_IMMUNIZATIONS,
                    LISTS_AND_ASSESSMENT_REPORTS,
                    DATA_EXCHANGE,
                    INVENTORY,
                    MANAGE_USERS,
                    MANAGE_CLINICIANS_SITES_PHYSICIANS)),
    HEALTH_SYSTEM_USER(
            "Health System User",
            EnumSet.of(
                    VIEW_CLIENTS,
                    EDIT_CLIENTS_AND_IMMUNIZATIONS,
                    LISTS_AND_ASSESSMENT_REPORTS,
                    DATA_EXCHANGE,
                    INVENTORY,
                    MANAGE_USERS,
                    MANAGE_CLINICIANS_SITES_PHYSICIANS,
                    CHILD_ORGANIZATIONS));

    private final String label;
    private final Set<Privilege> privileges;

    Role(String label, EnumSet<Privilege> privileges) {
        this.label = label;
        this.privileges = Collections.unmodifiableSet(privileges);
    }

    public String label() {
        return label;
    }

    public Set<Privilege> privileges() {
        return privileges;
    }

    public boolean managesUsers() {
        return privileges.contains(MANAGE_USERS);
    }

    /** Roles without a write privilege: the only ones schools and child care organizations get. */
    public boolean isReadOnly() {
        return this == READ_ONLY || this == READ_ONLY_ADMINISTRATOR;
    }

    /** Accepts the guide's label ("Typical User") or the constant name, in any case. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().replaceAll("\\s+", " ");
        return Arrays.stream(values())
                .filter(r -> r.label.equalsIgnoreCase(wanted)
                        || r.name().equalsIgnoreCase(wanted.replace(' ', '_').toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
