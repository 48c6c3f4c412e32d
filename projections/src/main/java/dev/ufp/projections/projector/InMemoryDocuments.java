package dev.ufp.projections.projector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.signals.AbandonmentDetector;
import dev.ufp.projections.signals.Scores;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Documents kept as JSON in memory: each read returns a fresh copy, as Elasticsearch would (tests, benchmarks). */
public final class InMemoryDocuments implements Documents {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<String, String> responses = new TreeMap<>();
    private final Map<String, String> conversations = new TreeMap<>();

    @Override
    public Optional<ResponseDocument> response(String id) {
        return Optional.ofNullable(responses.get(id)).map(json -> read(json, ResponseDocument.class));
    }

    @Override
    public Optional<ConversationDocument> conversation(String id) {
        return Optional.ofNullable(conversations.get(id)).map(json -> read(json, ConversationDocument.class));
    }

    @Override
    public void put(ResponseDocument response) {
        responses.put(response.id, write(response));
    }

    @Override
    public void put(ConversationDocument conversation) {
        conversations.put(conversation.id, write(conversation));
    }

    public ResponseDocument response(String tenant, String conversation, String responseId) {
        return response(Documents.responseId(tenant, conversation, responseId)).orElseThrow();
    }

    public ConversationDocument conversation(String tenant, String conversation) {
        return conversation(Documents.conversationId(tenant, conversation)).orElseThrow();
    }

    /** Every response document as stored JSON, by document id (read-only view). */
    public Map<String, String> responseSources() {
        return java.util.Collections.unmodifiableMap(responses);
    }

    /** Every conversation document as stored JSON, by document id (read-only view). */
    public Map<String, String> conversationSources() {
        return java.util.Collections.unmodifiableMap(conversations);
    }

    /**
     * The abandonment sweep over these documents, by the rule {@link AbandonmentSweep} applies in Elasticsearch:
     * per tenant, the watermark is the newest conversation {@code lastEventAt}; responses due at
     * {@code watermark − grace} are marked. Returns how many.
     */
    public int sweepAbandonment(AbandonmentDetector detector, Duration grace) {
        Map<String, Instant> watermarks = new TreeMap<>();
        for (String json : conversations.values()) {
            ConversationDocument conversation = read(json, ConversationDocument.class);
            if (conversation.lastEventAt != null) {
                watermarks.merge(conversation.tenant, conversation.lastEventAt, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        int marked = 0;
        for (String json : List.copyOf(responses.values())) {
            ResponseDocument response = read(json, ResponseDocument.class);
            Instant watermark = watermarks.get(response.tenant);
            if (watermark != null && AbandonmentDetector.due(response, AbandonmentDetector.cutoff(watermark, grace))) {
                detector.abandon(response);
                Scores.recompute(response);
                put(response);
                marked++;
            }
        }
        return marked;
    }

    /** Everything, as one JSON string: equal snapshots mean identical documents. */
    public String snapshot() {
        return responses + "\n" + conversations;
    }

    private static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
