package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one event of a batch was rejected.
 *
 * @param code      stable reason, e.g. {@code invalid-field}, {@code unknown-response}
 * @param field     the offending field
 * @param value     the value received
 * @param limit     the limit or the allowed values, when there is one
 * @param message   what to fix
 * @param retryable true when re-sending the same event later may succeed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemError(String code, String field, Object value, String limit, String message, boolean retryable) {
}
