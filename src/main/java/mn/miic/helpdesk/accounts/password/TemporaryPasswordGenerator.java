package mn.miic.helpdesk.accounts.password;

import java.security.SecureRandom;
import org.passay.data.CharacterData;
import org.passay.generate.PasswordGenerator;
import org.passay.rule.CharacterRule;

/**
 * Temporary passwords (SPEC 2.3): 16 characters from a CSPRNG through Passay, at least one of each class, specials
 * only from those both of the guide's lists accept, and none of the look-alikes {@code 0 O o 1 l I |}, so that a
 * password read aloud or copied from a DM by hand is typed right the first time.
 */
public final class TemporaryPasswordGenerator {

    public static final int LENGTH = 16;
    public static final String LOOK_ALIKES = "0Oo1lI|";

    private final PasswordGenerator generator;

    public TemporaryPasswordGenerator() {
        this(new SecureRandom());
    }

    TemporaryPasswordGenerator(SecureRandom random) {
        this.generator = new PasswordGenerator(
                random,
                LENGTH,
                LENGTH,
                new CharacterRule(chars("INSUFFICIENT_UPPERCASE", "ABCDEFGHJKLMNPQRSTUVWXYZ"), 1),
                new CharacterRule(chars("INSUFFICIENT_LOWERCASE", "abcdefghijkmnpqrstuvwxyz"), 1),
                new CharacterRule(chars("INSUFFICIENT_DIGIT", "23456789"), 1),
                new CharacterRule(SpecialCharacters.GENERATED, 1));
    }

    public String generate() {
        return generator.generate().toString();
    }

    private static CharacterData chars(String errorCode, String characters) {
        return new CharacterData() {
            @Override
            public String getErrorCode() {
                return errorCode;
            }

            @Override
            public String getCharacters() {
                return characters;
            }
        };
    }
}
