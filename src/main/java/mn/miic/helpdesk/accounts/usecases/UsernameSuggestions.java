package mn.miic.helpdesk.accounts.usecases;

import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.PersonName;
import mn.miic.helpdesk.accounts.domain.UsernameRules;

/** "mousem1 is taken; try mousem2": the refusal for a taken username, with the guide's next free one. */
final class UsernameSuggestions {

    private UsernameSuggestions() {}

    static Optional<String> suggest(UnitOfWork unit, PersonName name) {
        Set<String> taken = unit.accounts.usernamesStartingWith(UsernameRules.base(name.last(), name.first()));
        taken.addAll(unit.accounts.usernamesStartingWith(UsernameRules.base(name.first(), name.last())));
        return UsernameRules.suggest(name.first(), name.last(), u -> taken.contains(u.toLowerCase()));
    }

    static InvalidInput taken(UnitOfWork unit, String username, PersonName name) {
        String message = "The username \"" + username + "\" is already taken; usernames are unique across MIIC.";
        return InvalidInput.of(
                AccountFields.USERNAME,
                suggest(unit, name).map(s -> message + " Try \"" + s + "\".").orElse(message));
    }

    static InvalidInput emailTaken() {
        return InvalidInput.of(
                AccountFields.EMAIL,
                "Another MIIC account already uses this email. One person has one account: find it with /miic users"
                        + " instead of adding a new one.");
    }
}
