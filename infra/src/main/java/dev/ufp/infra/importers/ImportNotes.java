package dev.ufp.infra.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.ingestion.contract.Limits;
import dev.ufp.ingestion.contract.Utf8Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did besides producing events: counted notes (texts truncated to the contract's limit, emojis
 * without a reaction kind, deleted messages skipped, …) and conversations skipped, each with its reason.
 */
public final class ImportNotes {

    /** The platform's default batch limit: a conversation goes in one request or not at all. */
    public static final int MAX_EVENTS_PER_CONVERSATION = 1000;
    private static final List<String> ID_FIELDS = List.of("eventId", "conversationId", "turnId", "responseId",
            "followsResponseId", "regenerates");

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();

    public void count(String note, int n) {
        counts.merge(note, n, Integer::sum);
    }

    public void skip(String conversationId, String reason) {
        skipped.add(conversationId + ": " + reason);
        count("conversations skipped", 1);
    }

    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * Adds the conversation if it can go in one request within the contract's id limits; otherwise skips it with
     * the reason (all or nothing per conversation).
     */
    void addIfSendable(List<BatchSender.Unit> units, BatchSender.Unit unit) {
        if (unit.events().size() > MAX_EVENTS_PER_CONVERSATION) {
            skip(unit.conversationId(), unit.events().size() + " events: more than one request holds ("
                    + MAX_EVENTS_PER_CONVERSATION + ")");
            return;
        }
        for (ObjectNode event : unit.events()) {
            for (String field : ID_FIELDS) {
                String value = event.path(field).asText("");
                int bytes = Utf8Size.Validator.utf8Length(value);
                if (bytes > Limits.ID_MAX) {
                    skip(unit.conversationId(), "field '" + field + "' of event " + event.path("eventId").asText()
                            + " is " + bytes + " bytes in UTF-8, more than " + Limits.ID_MAX);
                    return;
                }
            }
        }
        units.add(unit);
    }

    /** The text, cut to {@link Limits#TEXT_MAX} characters with a counted note. */
    String text(String text) {
        if (text.length() <= Limits.TEXT_MAX) {
            return text;
        }
        count("texts truncated to " + Limits.TEXT_MAX + " characters", 1);
        return text.substring(0, Limits.TEXT_MAX);
    }

    /** The value, cut to {@code max} characters with a counted note ({@code what} names the field). */
    String shortText(String what, String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        count(what + " truncated to " + max + " characters", 1);
        return value.substring(0, max);
    }
}
