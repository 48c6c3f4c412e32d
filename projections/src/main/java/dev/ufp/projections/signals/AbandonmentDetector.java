package dev.ufp.projections.signals;

import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.time.Instant;

/**
 * Abandonment: no follow-up and no reaction within the window after a response → a weak negative signal, dated
 * at the deadline (so a rebuild computes the same one). Decided by a periodic sweep over the documents whose
 * deadline has passed; an interaction that the events date inside the window retracts it again.
 */
public final class AbandonmentDetector {

    public static final String NAME = "abandonment-window";
    public static final String VERSION = "1";

    private final SignalProperties properties;

    public AbandonmentDetector(SignalProperties properties) {
        this.properties = properties;
    }

    public void responded(ResponseDocument response) {
        response.abandonmentDeadline = response.respondedAt.plus(properties.abandonmentWindow());
    }

    /** True when the sweep should mark this response abandoned at {@code now}. */
    public static boolean due(ResponseDocument response, Instant now) {
        return !response.interacted && !response.abandoned && response.abandonmentDeadline != null
                && response.abandonmentDeadline.isBefore(now);
    }

    public void abandon(ResponseDocument response) {
        String signalId = response.signalId(SignalKind.ABANDONMENT, null);
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.ABANDONMENT,
                properties.abandonment(), NAME, VERSION));
        signal.occurredAt = response.abandonmentDeadline;
        signal.userId = response.userId;
        response.abandoned = true;
    }

    /** A follow-up or reaction at {@code at}: inside the window it counts, and undoes a premature abandonment. */
    static void interaction(ResponseDocument response, String eventId, Instant at) {
        if (response.abandonmentDeadline == null || at.isAfter(response.abandonmentDeadline)) {
            return;
        }
        response.interacted = true;
        response.signal(response.signalId(SignalKind.ABANDONMENT, null)).filter(s -> s.active).ifPresent(s -> {
            s.retract(eventId, at);
            response.abandoned = false;
        });
    }
}
