package dev.ufp.projections.analytics;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query-parameter checks that name the parameter, the value received and what is allowed. */
final class AnalyticsParameters {

    static final String GROUPINGS = "model, modelVersion, variant, day, attribute.<name>";
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\.([A-Za-z0-9_.-]{1,128})");

    private AnalyticsParameters() {
    }

    /** The field of {@code feedback-responses} to group by, or {@code respondedAt} for {@code day}. */
    static String groupField(String groupBy) {
        switch (groupBy) {
            case "model", "modelVersion", "variant" -> {
                return groupBy;
            }
            case "day" -> {
                return "respondedAt";
            }
            default -> {
                var matcher = ATTRIBUTE.matcher(groupBy);
                if (matcher.matches()) {
                    return "attributes." + matcher.group(1);
                }
                throw invalid("groupBy", groupBy, GROUPINGS, "unknown grouping");
            }
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "an ISO-8601 instant, e.g. 2026-11-29T00:00:00Z", "not an instant");
        }
    }

    static int limit(int value, int max) {
        if (value < 1 || value > max) {
            throw invalid("limit", value, "1 to " + max, "out of range");
        }
        return value;
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, value, "a non-empty text", "missing");
        }
        return value;
    }

    static String oneOf(String name, String value, java.util.Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw invalid(name, value, String.join(", ", new java.util.TreeSet<>(allowed)), "not an allowed value");
        }
        return value;
    }

    static ApiProblem invalid(String field, Object value, String allowed, String message) {
        return ApiProblem.badRequest("invalid-parameter", "query parameter '" + field + "' is invalid: " + message
                        + "; allowed: " + allowed,
                new FieldViolation(field, FieldViolation.echo(value), allowed, message));
    }
}
