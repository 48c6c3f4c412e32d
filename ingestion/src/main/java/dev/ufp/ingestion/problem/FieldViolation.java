package dev.ufp.ingestion.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing a client must fix.
 *
 * @param field   JSON path of the offending field, e.g. {@code events[3].reaction}
 * @param value   the value received (shortened when long)
 * @param limit   the limit or the allowed values, when there is one
 * @param message what is wrong, in a sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, Object value, String limit, String message) {

    private static final int MAX_ECHO = 120;

    public static Object echo(Object value) {
        if (value instanceof CharSequence text && text.length() > MAX_ECHO) {
            int cut = Character.isHighSurrogate(text.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
            return text.subSequence(0, cut) + "… (" + text.length() + " chars)";
        }
        return value;
    }
}
