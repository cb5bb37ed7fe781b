package mn.miic.helpdesk.accounts.usecases;

import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;

/** Ready-made Add/Edit User forms for the tests. */
final class Forms {

    private Forms() {}

    static AccountForm newUser(String first, String last, String username, RoleAssignment role) {
        return new AccountForm(
                first, last, null, username, role.label(), "651", "555-0100", null, null, null, List.of());
    }

    static AccountForm newUser(String username, RoleAssignment role) {
        return newUser("Jordan", "Rivera", username, role);
    }

    static AccountForm editOf(Account account) {
        return AccountForm.of(account, List.of());
    }

    static AccountEdit unchanged(Account account) {
        return new AccountEdit(
                account.version(), editOf(account), account.isActive(), account.locked(), null, null, null);
    }

    static AccountEdit withForm(Account account, AccountForm form) {
        return new AccountEdit(account.version(), form, account.isActive(), account.locked(), null, null, null);
    }

    static AccountForm withRole(AccountForm f, RoleAssignment role) {
        return new AccountForm(
                f.firstName(),
                f.lastName(),
                f.middleInitial(),
                f.username(),
                role.label(),
                f.areaCode(),
                f.phone(),
                f.extension(),
                f.email(),
                f.userDuaDate(),
                f.additionalOrganizationCodes());
    }

    static AccountForm withPhone(AccountForm f, String phone) {
        return new AccountForm(
                f.firstName(),
                f.lastName(),
                f.middleInitial(),
                f.username(),
                f.role(),
                f.areaCode(),
                phone,
                f.extension(),
                f.email(),
                f.userDuaDate(),
                f.additionalOrganizationCodes());
    }

    static AccountForm withUsername(AccountForm f, String username) {
        return new AccountForm(
                f.firstName(),
                f.lastName(),
                f.middleInitial(),
                username,
                f.role(),
                f.areaCode(),
                f.phone(),
                f.extension(),
                f.email(),
                f.userDuaDate(),
                f.additionalOrganizationCodes());
    }

    static AccountForm withEmail(AccountForm f, String email) {
        return new AccountForm(
                f.firstName(),
                f.lastName(),
                f.middleInitial(),
                f.username(),
                f.role(),
                f.areaCode(),
                f.phone(),
                f.extension(),
                email,
                f.userDuaDate(),
                f.additionalOrganizationCodes());
    }
}
