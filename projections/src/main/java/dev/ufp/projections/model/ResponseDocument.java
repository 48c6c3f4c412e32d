package dev.ufp.projections.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One assistant response ({@code feedback-responses}): what was asked and answered, live reaction counts, the
 * follow-up and its class, flags, corrections and the signal score with its components. {@code signals} and
 * {@code liveReactions} are the projection's own state (stored, not indexed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResponseDocument {
    public String id;
    public String tenant;
    public String conversationId;
    public String responseId;
    public String turnId;
    public String userId;
    public String app;
    public String locale;
    public Map<String, String> attributes = new TreeMap<>();
    public String model;
    public String modelVersion;
    public String variant;
    public String regenerates;
    public String promptText;
    public String responseText;
    public Instant promptAt;
    public Instant respondedAt;
    public Long latencyMs;
    public Integer promptTokens;
    public Integer completionTokens;
    public Map<String, Integer> reactionCounts = new TreeMap<>();
    public int reactionTotal;
    public boolean loved;
    public FollowUp followUp;
    public boolean regenerated;
    public boolean copied;
    public boolean shared;
    public boolean abandoned;
    /** respondedAt + the abandonment window: no follow-up or reaction by then means abandoned. */
    public Instant abandonmentDeadline;
    /** a follow-up or reaction arrived before the deadline. */
    public boolean interacted;
    public List<Correction> corrections = new ArrayList<>();
    public double signalScore;
    public Map<String, Double> scoreComponents = new TreeMap<>();
    public int activeSignals;
    /** ids of hindsight signals that revised this response. */
    public List<String> revisedBySignals = new ArrayList<>();
    /** responses this response's follow-up revised in hindsight. */
    public List<String> revisesResponses = new ArrayList<>();
    public List<SignalDocument> signals = new ArrayList<>();
    /**
     * Signals removed from {@code signals} since this document was read (a withdrawn premature abandonment): the
     * writer deletes them from the signals index. Not stored.
     */
    @JsonIgnore
    public List<String> withdrawnSignalIds = new ArrayList<>();
    /**
     * P[Love] of the tenant's reward model (ensemble score), its spread over heads and the model id: written by
     * mining's {@code reward-scoring} processor with a partial update; carried through unchanged here.
     */
    public Double pLove;
    public Double pLoveSpread;
    public String pLoveModel;
    /** user → reaction kind → the event that made it live. */
    public Map<String, Map<String, LiveReaction>> liveReactions = new TreeMap<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FollowUp {
        public String eventId;
        public String text;
        public Instant at;
        public String kind;
        public double polarity;
        public double confidence;
        public String category;
        public String detector;
        public String detectorVersion;
    }

    public static class Correction {
        public String eventId;
        public String userId;
        public int start;
        public int end;
        public String correction;
        public String original;
        public Instant at;
    }

    public record LiveReaction(String eventId, Instant at) {
    }

    @JsonIgnore
    public Optional<SignalDocument> signal(String signalId) {
        return signals.stream().filter(s -> s.signalId.equals(signalId)).findFirst();
    }

    /** The signal with this id, created by {@code factory} (and given this response's keys) when missing. */
    public SignalDocument signal(String signalId, java.util.function.Supplier<SignalDocument> factory) {
        return signal(signalId).orElseGet(() -> {
            SignalDocument created = factory.get();
            created.tenant = tenant;
            created.conversationId = conversationId;
            created.responseId = responseId;
            signals.add(created);
            return created;
        });
    }

    /** Signal ids are the response's document id, the kind and the distinguishing source, e.g. the user. */
    public String signalId(SignalKind kind, String discriminator) {
        return id + ":" + kind.wireName() + (discriminator == null ? "" : ":" + discriminator);
    }
}
