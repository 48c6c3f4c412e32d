package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a store failure caused by the data of one conversation (the database refused a value, the serializer
 * could not write it) from one caused by the store itself (down, unreachable, out of connections), which any
 * other conversation would hit as well. SQL states of class 22 (data exception: an invalid byte sequence, a value
 * too long, …), 23 (integrity constraint) other than a unique violation (23505, a concurrent writer: retried) and
 * 54 (program limit exceeded: an index row too large, …) are the data's fault; anything else counts as an outage.
 */
final class StoreFailure {

    private static final String UNIQUE_VIOLATION = "23505";

    private StoreFailure() {
    }

    /** Why the store refused this data, in one short line, or empty when the failure is not the data's fault. */
    static Optional<String> refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("54")
                        || state.startsWith("23") && !state.equals(UNIQUE_VIOLATION)) {
                    return Optional.of("SQL state " + state + ": " + summary(sql));
                }
            }
            if (t instanceof JsonProcessingException json) {
                return Optional.of("cannot serialize: " + clip(json.getOriginalMessage()));
            }
        }
        return Optional.empty();
    }

    /** The root cause in one short line: driver messages can carry whole event payloads. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int cut = message.lastIndexOf("ERROR:");
        message = cut >= 0 ? message.substring(cut) : message;
        int detail = message.indexOf("\n");
        message = detail >= 0 ? message.substring(0, detail) : message;
        return root.getClass().getSimpleName() + ": " + clip(message);
    }

    private static String clip(String message) {
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
