package mn.miic.helpdesk.accounts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A MIIC user account as the guide's Edit User form shows it, plus what the product keeps besides. The password
 * hash is deliberately not part of it: it never leaves the store.
 */
public record Account(
        long id,
        long organizationId,
        String username,
        PersonName name,
        RoleAssignment role,
        AccountStatus status,
        boolean locked,
        Phone phone,
        String email,
        LocalDate userDuaDate,
        LocalDate accessUntil,
        boolean hasPassword,
        Instant passwordExpiresAt,
        boolean mustChangePassword,
        Instant lastSignInAt,
        Instant reactivatedAt,
        int failedSignIns,
        String inactivationReason,
        Set<Long> additionalOrganizationIds,
        Long currentOrganizationId,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public Account {
        additionalOrganizationIds = Set.copyOf(additionalOrganizationIds);
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** May act as themselves: active and not locked. */
    public boolean isInGoodStanding() {
        return status.isActive() && !locked;
    }

    public boolean managesUsers() {
        return role.managesUsers();
    }

    /** The organization commands act in: the one they switched to, or their home organization. */
    public long workingOrganizationId() {
        return currentOrganizationId != null ? currentOrganizationId : organizationId;
    }

    /** "Mickey Mouse (mousem1)", the way every message names an account. */
    public String displayName() {
        return name.fullName() + " (" + username + ")";
    }

    public Account withDetails(AccountDetails d) {
        return new Account(
                id,
                organizationId,
                d.username(),
                d.name(),
                d.role(),
                status,
                locked,
                d.phone(),
                d.email(),
                d.userDuaDate(),
                d.accessUntil(),
                hasPassword,
                passwordExpiresAt,
                mustChangePassword,
                lastSignInAt,
                reactivatedAt,
                failedSignIns,
                inactivationReason,
                d.additionalOrganizationIds(),
                currentOrganizationId,
                createdAt,
                updatedAt,
                version);
    }

    /** Its time-limited access ended: the last day it could be used is before today. */
    public boolean accessEnded(LocalDate today) {
        return accessUntil != null && accessUntil.isBefore(today);
    }

    /** Unlocking also clears the count of failed sign-ins. */
    public Account withLocked(boolean nowLocked) {
        return new Account(
                id,
                organizationId,
                username,
                name,
                role,
                status,
                nowLocked,
                phone,
                email,
                userDuaDate,
                accessUntil,
                hasPassword,
                passwordExpiresAt,
                mustChangePassword,
                lastSignInAt,
                reactivatedAt,
                nowLocked ? failedSignIns : 0,
                inactivationReason,
                additionalOrganizationIds,
                currentOrganizationId,
                createdAt,
                updatedAt,
                version);
    }

    /** Reactivating restarts the inactivity clock; inactivating keeps why. */
    public Account withStatus(AccountStatus newStatus, Instant at, String reason) {
        return new Account(
                id,
                organizationId,
                username,
                name,
                role,
                newStatus,
                locked,
                phone,
                email,
                userDuaDate,
                accessUntil,
                hasPassword,
                passwordExpiresAt,
                mustChangePassword,
                lastSignInAt,
                newStatus.isActive() ? at : reactivatedAt,
                failedSignIns,
                newStatus.isActive() ? null : reason,
                additionalOrganizationIds,
                currentOrganizationId,
                createdAt,
                updatedAt,
                version);
    }

    /** The editable part, as the Edit User form holds it. */
    public AccountDetails details() {
        return new AccountDetails(
                username, name, role, phone, email, userDuaDate, Set.copyOf(additionalOrganizationIds), accessUntil);
    }
}
