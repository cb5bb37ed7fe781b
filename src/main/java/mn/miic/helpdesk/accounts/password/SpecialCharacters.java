package mn.miic.helpdesk.accounts.password;

import org.passay.data.CharacterData;

/** The special characters of SPEC 2.3. */
enum SpecialCharacters implements CharacterData {
    /** Both of the guide's lists, reconciled: what a user's own password may use to meet the rule. */
    ACCEPTED("~!@#$%^&*()-_+={}[]|/?"),
    /** The ones accepted by both lists in the guide, and no look-alike (no "|"): for generated passwords. */
    GENERATED("~@#$%^*()-+=[]?");

    private final String characters;

    SpecialCharacters(String characters) {
        this.characters = characters;
    }

    @Override
    public String getErrorCode() {
        return "INSUFFICIENT_SPECIAL";
    }

    @Override
    public String getCharacters() {
        return characters;
    }
}
