package dev.ufp.projections.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One derived signal about one response ({@code feedback-signals}). {@code value} is the signed strength
 * (polarity × strength); a retracted signal stays, inactive, naming the event that retracted it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SignalDocument {
    public String signalId;
    public String tenant;
    public String conversationId;
    public String responseId;
    public String kind;
    /** positive, negative or neutral. */
    public String polarity;
    /** in [0, 1]. */
    public double strength;
    /** polarity × strength, in [-1, 1]. */
    public double value;
    public String detector;
    public String detectorVersion;
    public List<String> sourceEventIds = new ArrayList<>();
    public String userId;
    public Instant occurredAt;
    public boolean active = true;
    public Instant retractedAt;
    public String retractedByEventId;
    public Details details;

    /** Kind-specific facts: the corrected span, the follow-up class, the response a hindsight signal revises. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Details {
        public String reaction;
        public Integer spanStart;
        public Integer spanEnd;
        public String correction;
        public String followUpClass;
        public String category;
        public Double confidence;
        public String followUpResponseId;
        public String text;
    }

    public static SignalDocument of(String signalId, SignalKind kind, double value, String detector, String version) {
        SignalDocument signal = new SignalDocument();
        signal.signalId = signalId;
        signal.kind = kind.wireName();
        signal.setValue(value);
        signal.detector = detector;
        signal.detectorVersion = version;
        return signal;
    }

    public void setValue(double signedStrength) {
        value = Math.max(-1, Math.min(1, signedStrength));
        strength = Math.abs(value);
        polarity = value > 0 ? "positive" : value < 0 ? "negative" : "neutral";
    }

    public void addSource(String eventId) {
        if (!sourceEventIds.contains(eventId)) {
            sourceEventIds.add(eventId);
        }
    }

    public void retract(String eventId, Instant at) {
        active = false;
        retractedByEventId = eventId;
        retractedAt = at;
    }

    public void reinstate() {
        active = true;
        retractedByEventId = null;
        retractedAt = null;
    }
}
