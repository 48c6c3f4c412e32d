package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.FeedbackCommented;
import dev.ufp.ingestion.contract.RegenerateRequested;
import dev.ufp.ingestion.contract.ResponseCopied;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.contract.ResponseShared;
import dev.ufp.ingestion.contract.SpanCorrected;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.time.Instant;

/**
 * Explicit interactions: regenerate (a request, or a response that {@code regenerates} it — one negative signal
 * per replaced response, both events as sources), copy and share (positive, one per user), span corrections
 * (negative, with the span) and comment ratings (1–5 → −1…+1).
 */
public final class InteractionDetector {

    public static final String NAME = "interaction";
    public static final String VERSION = "1";

    private final SignalProperties properties;

    public InteractionDetector(SignalProperties properties) {
        this.properties = properties;
    }

    public void regenerateRequested(ResponseDocument replaced, RegenerateRequested event) {
        regenerated(replaced, event.eventId(), event.occurredAt(), event.userId());
    }

    public void replacedBy(ResponseDocument replaced, ResponseGenerated regeneration) {
        regenerated(replaced, regeneration.eventId(), regeneration.occurredAt(), null);
    }

    private void regenerated(ResponseDocument replaced, String eventId, Instant at, String userId) {
        String signalId = replaced.signalId(SignalKind.REGENERATE, null);
        SignalDocument signal = replaced.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.REGENERATE,
                properties.regenerate(), NAME, VERSION));
        signal.addSource(eventId);
        signal.occurredAt = signal.occurredAt == null || at.isBefore(signal.occurredAt) ? at : signal.occurredAt;
        signal.userId = userId != null ? userId : signal.userId != null ? signal.userId : replaced.userId;
    }

    public void copied(ResponseDocument response, ResponseCopied event) {
        engaged(response, SignalKind.COPY, properties.copy(), event.eventId(), event.userId(), event.occurredAt());
    }

    public void shared(ResponseDocument response, ResponseShared event) {
        engaged(response, SignalKind.SHARE, properties.share(), event.eventId(), event.userId(), event.occurredAt());
    }

    private static void engaged(ResponseDocument response, SignalKind kind, double value, String eventId,
                                String userId, Instant at) {
        String signalId = response.signalId(kind, userId);
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, kind, value, NAME, VERSION));
        signal.userId = userId;
        if (signal.sourceEventIds.isEmpty()) {
            signal.occurredAt = at;
        }
        signal.addSource(eventId);
    }

    public void corrected(ResponseDocument response, SpanCorrected event) {
        if (response.corrections.stream().noneMatch(c -> c.eventId.equals(event.eventId()))) {
            ResponseDocument.Correction correction = new ResponseDocument.Correction();
            correction.eventId = event.eventId();
            correction.userId = event.userId();
            correction.start = event.start();
            correction.end = event.end();
            correction.correction = event.correction();
            String text = response.responseText == null ? "" : response.responseText;
            correction.original = text.substring(Math.min(event.start(), text.length()),
                    Math.min(event.end(), text.length()));
            correction.at = event.occurredAt();
            response.corrections.add(correction);
        }
        String signalId = response.signalId(SignalKind.SPAN_CORRECTION, event.eventId());
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.SPAN_CORRECTION,
                properties.spanCorrection(), NAME, VERSION));
        signal.userId = event.userId();
        signal.occurredAt = event.occurredAt();
        signal.addSource(event.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.spanStart = event.start();
        signal.details.spanEnd = event.end();
        signal.details.correction = event.correction();
    }

    public void commented(ResponseDocument response, FeedbackCommented event) {
        if (event.rating() == null) {
            return;
        }
        String signalId = response.signalId(SignalKind.COMMENT_RATING, event.eventId());
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.COMMENT_RATING,
                (event.rating() - 3) / 2.0, NAME, VERSION));
        signal.userId = event.userId();
        signal.occurredAt = event.occurredAt();
        signal.addSource(event.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.text = event.text();
    }
}
