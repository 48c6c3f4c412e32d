package dev.ufp.ingestion.conversation;

/**
 * Why an event was not stored, in terms a client can act on.
 *
 * @param code      stable machine-readable reason
 * @param field     the offending field of the event
 * @param value     the offending value
 * @param message   what to fix
 * @param retryable true when the same event may succeed later (its target has not arrived yet)
 */
public record Rejection(String code, String field, Object value, String message, boolean retryable) {

    static Rejection permanent(String code, String field, Object value, String message) {
        return new Rejection(code, field, value, message, false);
    }

    static Rejection retryable(String code, String field, Object value, String message) {
        return new Rejection(code, field, value, message, true);
    }
}
