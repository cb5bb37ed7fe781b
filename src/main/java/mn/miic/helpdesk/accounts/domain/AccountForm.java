package mn.miic.helpdesk.accounts.domain;

import java.util.List;

/** The Add User / Edit User form as typed: raw text, validated by {@link AccountFormValidator}. */
public record AccountForm(
        String firstName,
        String lastName,
        String middleInitial,
        String username,
        String role,
        String areaCode,
        String phone,
        String extension,
        String email,
        String userDuaDate,
        List<String> additionalOrganizationCodes,
        String accessUntil) {

    public AccountForm {
        additionalOrganizationCodes =
                additionalOrganizationCodes == null ? List.of() : List.copyOf(additionalOrganizationCodes);
    }

    /** A form without an access-until date (none given). */
    public AccountForm(
            String firstName,
            String lastName,
            String middleInitial,
            String username,
            String role,
            String areaCode,
            String phone,
            String extension,
            String email,
            String userDuaDate,
            List<String> additionalOrganizationCodes) {
        this(
                firstName,
                lastName,
                middleInitial,
                username,
                role,
                areaCode,
                phone,
                extension,
                email,
                userDuaDate,
                additionalOrganizationCodes,
                null);
    }

    /** The form pre-filled from an account, as the Edit User modal opens. */
    public static AccountForm of(Account account, List<String> additionalOrganizationCodes) {
        return new AccountForm(
                account.name().first(),
                account.name().last(),
                account.name().middleInitial(),
                account.username(),
                account.role().label(),
                account.phone().areaCode(),
                account.phone().number() == null
                        ? null
                        : account.phone().number().substring(0, 3) + "-"
                                + account.phone().number().substring(3),
                account.phone().extension(),
                account.email(),
                account.userDuaDate() == null ? null : account.userDuaDate().toString(),
                additionalOrganizationCodes,
                account.accessUntil() == null ? null : account.accessUntil().toString());
    }
}
