package mn.miic.helpdesk.accounts.password;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.RuleResultDetail;
import org.passay.ValidationResult;
import org.passay.data.EnglishCharacterData;
import org.passay.rule.CharacterRule;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;
import org.passay.rule.WhitespaceRule;

/**
 * The password policy of SPEC 2.3: the guide's two lists reconciled, plus no white space, not the username, not one of
 * the last passwords, and not a common or easily guessed password. Every broken rule is reported, not just the first.
 */
public final class PasswordPolicy {

    /**
     * zxcvbn's top score (at least 10^10 guesses). Score 3 still lets through the dressed-up words people pick first
     * ("Minnesota2024!", "MickeyMouse#2024"); 12 characters of every class easily reach 4 when they are not a pattern.
     */
    private static final int MINIMUM_STRENGTH_SCORE = 4;

    private final PasswordSettings settings;
    private final PasswordHasher hasher;
    private final DefaultPasswordValidator validator;
    private final Zxcvbn strength = new Zxcvbn();

    public PasswordPolicy(PasswordSettings settings, PasswordHasher hasher) {
        this.settings = settings;
        this.hasher = hasher;
        this.validator = new DefaultPasswordValidator(
                new LengthRule(settings.minLength(), settings.maxLength()),
                new CharacterRule(EnglishCharacterData.UpperCase, 1),
                new CharacterRule(EnglishCharacterData.LowerCase, 1),
                new CharacterRule(EnglishCharacterData.Digit, 1),
                new CharacterRule(SpecialCharacters.ACCEPTED, 1),
                new WhitespaceRule(),
                new UsernameRule(true, true));
    }

    /** The requirements as the guide lists them, for telling a user what a good password looks like. */
    public List<String> requirements() {
        return List.of(
                "Must be " + settings.minLength() + "-" + settings.maxLength() + " characters long.",
                "Must contain at least one uppercase letter (A-Z).",
                "Must contain at least one lowercase letter (a-z).",
                "Must contain at least one number (0-9).",
                "Must contain at least one special character (" + SpecialCharacters.ACCEPTED.getCharacters() + ").",
                "Must not contain spaces or your username.",
                "Must not be one of your last " + settings.historySize() + " passwords, or a common password.");
    }

    /**
     * Every rule the candidate breaks; empty when it is acceptable.
     *
     * @param personalWords the account's username and names: a password built from them is easy to guess
     * @param recentHashes the account's most recent password hashes, newest first
     */
    public List<PolicyViolation> check(
            CharSequence candidate, String username, List<String> personalWords, List<String> recentHashes) {
        Objects.requireNonNull(candidate, "candidate");
        Map<String, PolicyViolation> violations = new LinkedHashMap<>();
        ValidationResult result = validator.validate(new PasswordData(username == null ? "" : username, candidate));
        for (RuleResultDetail detail : result.getDetails()) {
            PolicyViolation violation = describe(detail.getErrorCode());
            violations.putIfAbsent(violation.rule(), violation);
        }
        if (candidate.length() > 0
                && !violations.containsKey("length")
                && isGuessable(candidate, username, personalWords)) {
            violations.put(
                    "common",
                    new PolicyViolation(
                            "common",
                            "The password is a common password or too easy to guess (a dictionary word, a name, a"
                                    + " date or a keyboard pattern with a few changes). Try several unrelated words."));
        }
        if (recentHashes.stream().limit(settings.historySize()).anyMatch(h -> hasher.matches(candidate, h))) {
            violations.put(
                    "history",
                    new PolicyViolation(
                            "history",
                            "The password must not repeat one of your last " + settings.historySize() + " passwords."));
        }
        return new ArrayList<>(violations.values());
    }

    private boolean isGuessable(CharSequence candidate, String username, List<String> personalWords) {
        List<String> inputs = Stream.concat(Stream.ofNullable(username), personalWords.stream())
                .filter(Objects::nonNull)
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
        Strength measured = strength.measure(candidate, inputs);
        try {
            return measured.getScore() < MINIMUM_STRENGTH_SCORE;
        } finally {
            measured.wipe();
        }
    }

    private PolicyViolation describe(String errorCode) {
        return switch (errorCode) {
            case LengthRule.ERROR_CODE_MIN, LengthRule.ERROR_CODE_MAX -> new PolicyViolation(
                    "length",
                    "The password must be " + settings.minLength() + " to " + settings.maxLength()
                            + " characters long.");
            case "INSUFFICIENT_UPPERCASE" -> new PolicyViolation(
                    "uppercase", "The password must contain at least one uppercase letter (A-Z).");
            case "INSUFFICIENT_LOWERCASE" -> new PolicyViolation(
                    "lowercase", "The password must contain at least one lowercase letter (a-z).");
            case "INSUFFICIENT_DIGIT" -> new PolicyViolation(
                    "digit", "The password must contain at least one number (0-9).");
            case "INSUFFICIENT_SPECIAL" -> new PolicyViolation(
                    "special",
                    "The password must contain at least one special character ("
                            + SpecialCharacters.ACCEPTED.getCharacters() + ").");
            case WhitespaceRule.ERROR_CODE -> new PolicyViolation(
                    "whitespace", "The password must not contain spaces.");
            case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> new PolicyViolation(
                    "username", "The password must not contain the username.");
            default -> new PolicyViolation(
                    errorCode.toLowerCase(Locale.ROOT), "The password breaks rule " + errorCode + ".");
        };
    }
}
