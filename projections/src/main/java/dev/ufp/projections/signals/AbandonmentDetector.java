package dev.ufp.projections.signals;

import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.time.Duration;
import java.time.Instant;

/**
 * Abandonment: no follow-up and no reaction within the window after a response → a weak negative signal, dated
 * at the deadline. Decided from event time only: a response is due once its tenant's watermark (the newest
 * {@code occurredAt} projected for the tenant) minus the allowed lateness has passed its deadline — never by the
 * wall clock, so a replay decides as the live run did. An interaction that the events date inside the window and
 * that is projected after the decision (later than the grace) withdraws the signal without a trace: the document
 * becomes the one it would have been had the interaction come in time.
 */
public final class AbandonmentDetector {

    public static final String NAME = "abandonment-window";
    public static final String VERSION = "2";

    private final SignalProperties properties;

    public AbandonmentDetector(SignalProperties properties) {
        this.properties = properties;
    }

    public void responded(ResponseDocument response) {
        response.abandonmentDeadline = response.respondedAt.plus(properties.abandonmentWindow());
    }

    /**
     * The newest deadline that a tenant's watermark lets the sweep judge: {@code watermark − grace}; deadlines
     * strictly before it are due.
     */
    public static Instant cutoff(Instant watermark, Duration grace) {
        return watermark.minus(grace);
    }

    /** True when a sweep with this {@link #cutoff} should mark this response abandoned. */
    public static boolean due(ResponseDocument response, Instant cutoff) {
        return !response.interacted && !response.abandoned && response.abandonmentDeadline != null
                && response.abandonmentDeadline.isBefore(cutoff);
    }

    public void abandon(ResponseDocument response) {
        String signalId = response.signalId(SignalKind.ABANDONMENT, null);
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.ABANDONMENT,
                properties.abandonment(), NAME, VERSION));
        signal.occurredAt = response.abandonmentDeadline;
        signal.userId = response.userId;
        response.abandoned = true;
    }

    /**
     * A follow-up or reaction at {@code at}: inside the window it counts, and withdraws a premature abandonment —
     * removed from the response (and, by the batch, from the signals index) rather than kept retracted, because
     * whether the sweep came first is a matter of delivery timing, not of the events.
     */
    static void interaction(ResponseDocument response, String eventId, Instant at) {
        if (response.abandonmentDeadline == null || at.isAfter(response.abandonmentDeadline)) {
            return;
        }
        response.interacted = true;
        String signalId = response.signalId(SignalKind.ABANDONMENT, null);
        if (response.signals.removeIf(s -> s.signalId.equals(signalId))) {
            response.withdrawnSignalIds.add(signalId);
            response.abandoned = false;
        }
    }
}
