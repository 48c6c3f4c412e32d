package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The outcome of one submitted event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(String eventId, Status status, ItemError error) {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ItemResult accepted(String eventId) {
        return new ItemResult(eventId, Status.ACCEPTED, null);
    }

    static ItemResult duplicate(String eventId) {
        return new ItemResult(eventId, Status.DUPLICATE, null);
    }

    static ItemResult rejected(String eventId, ItemError error) {
        return new ItemResult(eventId, Status.REJECTED, error);
    }

    public boolean stored() {
        return status != Status.REJECTED;
    }
}
