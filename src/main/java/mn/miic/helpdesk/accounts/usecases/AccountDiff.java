package mn.miic.helpdesk.accounts.usecases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.audit.Change;

/** The fields that differ between two versions of an account, as the audit log records them. */
public final class AccountDiff {

    private AccountDiff() {}

    public static Map<String, Change> between(Account before, Account after, Function<Account, String> additionalOrgs) {
        Map<String, Change> changes = new LinkedHashMap<>();
        put(changes, AccountFields.USERNAME, before == null ? null : before.username(), after.username());
        put(
                changes,
                AccountFields.FIRST_NAME,
                before == null ? null : before.name().first(),
                after.name().first());
        put(
                changes,
                AccountFields.MIDDLE_INITIAL,
                before == null ? null : before.name().middleInitial(),
                after.name().middleInitial());
        put(
                changes,
                AccountFields.LAST_NAME,
                before == null ? null : before.name().last(),
                after.name().last());
        put(
                changes,
                AccountFields.ROLE,
                before == null ? null : before.role().label(),
                after.role().label());
        put(
                changes,
                AccountFields.STATUS,
                before == null ? null : before.status().label(),
                after.status().label());
        put(
                changes,
                AccountFields.LOCKED,
                before == null ? null : String.valueOf(before.locked()),
                String.valueOf(after.locked()));
        put(
                changes,
                AccountFields.AREA_CODE,
                before == null ? null : before.phone().areaCode(),
                after.phone().areaCode());
        put(
                changes,
                AccountFields.PHONE,
                before == null ? null : before.phone().number(),
                after.phone().number());
        put(
                changes,
                AccountFields.EXTENSION,
                before == null ? null : before.phone().extension(),
                after.phone().extension());
        put(changes, AccountFields.EMAIL, before == null ? null : before.email(), after.email());
        put(
                changes,
                AccountFields.USER_DUA_DATE,
                before == null ? null : str(before.userDuaDate()),
                str(after.userDuaDate()));
        put(
                changes,
                AccountFields.ACCESS_UNTIL,
                before == null ? null : str(before.accessUntil()),
                str(after.accessUntil()));
        put(
                changes,
                AccountFields.ADDITIONAL_ORGANIZATIONS,
                before == null ? null : additionalOrgs.apply(before),
                additionalOrgs.apply(after));
        put(
                changes,
                "failed_sign_ins",
                before == null ? null : String.valueOf(before.failedSignIns()),
                String.valueOf(after.failedSignIns()));
        put(changes, "last_sign_in", before == null ? null : str(before.lastSignInAt()), str(after.lastSignInAt()));
        put(
                changes,
                AccountFields.INACTIVATION_REASON,
                before == null ? null : before.inactivationReason(),
                after.inactivationReason());
        return changes;
    }

    public static void put(Map<String, Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Change(before, after));
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
