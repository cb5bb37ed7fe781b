package mn.miic.helpdesk.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What is owed as the outbox keeps it: its kind's name and its fields as JSON (never the sealed secret). */
final class OwedJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> KINDS = Arrays.stream(Owed.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private OwedJson() {}

    static String write(Owed owed) {
        try {
            return JSON.writeValueAsString(owed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an owed message must be serializable: " + owed.getClass(), e);
        }
    }

    static Owed read(String kind, String json) {
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalStateException("an outbox message of a kind this build does not know: " + kind);
        }
        try {
            return (Owed) JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox message that does not read as " + kind, e);
        }
    }
}
