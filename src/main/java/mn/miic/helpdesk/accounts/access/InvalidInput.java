package mn.miic.helpdesk.accounts.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that cannot be saved, with a sentence per field saying how to fix it. Nothing was changed. */
public final class InvalidInput extends Refusal {

    private final Map<String, String> fieldErrors;

    public InvalidInput(Map<String, String> fieldErrors) {
        super(Kind.INVALID_INPUT, summary(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    /** Field name (see {@code AccountFields}) to the sentence that says how to fix it. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one field error");
        }
        return fieldErrors.values().stream().collect(Collectors.joining(" "));
    }
}
