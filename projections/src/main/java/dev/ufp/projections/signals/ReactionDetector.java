package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.ResponseDocument.LiveReaction;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reactions → signals through a configurable kind → signed strength map (LOVE strongest positive). Per user the
 * latest live reaction is the active signal: a newer one (a flip) retracts the older, a removal retracts its own
 * and reinstates the user's most recent reaction that is still live.
 */
public final class ReactionDetector {

    public static final String NAME = "reaction-map";
    public static final String VERSION = "1";

    private final SignalProperties properties;

    public ReactionDetector(SignalProperties properties) {
        this.properties = properties;
    }

    public void added(ResponseDocument response, ReactionAdded event) {
        String kind = event.reaction().name();
        response.liveReactions.computeIfAbsent(event.userId(), u -> new TreeMap<>())
                .put(kind, new LiveReaction(event.eventId(), event.occurredAt()));
        String signalId = signalId(response, event.userId(), event.eventId());
        retractOthers(response, event.userId(), signalId, event.eventId(), event.occurredAt());
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.REACTION,
                properties.reactions().getOrDefault(event.reaction(), 0.0), NAME, VERSION));
        signal.userId = event.userId();
        signal.occurredAt = event.occurredAt();
        signal.addSource(event.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.reaction = kind;
        signal.reinstate();
        AbandonmentDetector.interaction(response, event.eventId(), event.occurredAt());
    }

    public void removed(ResponseDocument response, ReactionRemoved event) {
        Map<String, LiveReaction> live = response.liveReactions.getOrDefault(event.userId(), new TreeMap<>());
        LiveReaction removed = live.remove(event.reaction().name());
        if (live.isEmpty()) {
            response.liveReactions.remove(event.userId());
        }
        if (removed == null) {
            return;
        }
        response.signal(signalId(response, event.userId(), removed.eventId()))
                .ifPresent(s -> s.retract(event.eventId(), event.occurredAt()));
        live.values().stream()
                .max(Comparator.comparing(LiveReaction::at).thenComparing(LiveReaction::eventId))
                .flatMap(latest -> response.signal(signalId(response, event.userId(), latest.eventId())))
                .ifPresent(SignalDocument::reinstate);
    }

    private static void retractOthers(ResponseDocument response, String userId, String keep, String eventId,
                                      Instant at) {
        response.signals.stream()
                .filter(s -> s.active && SignalKind.REACTION.wireName().equals(s.kind) && userId.equals(s.userId))
                .filter(s -> !s.signalId.equals(keep))
                .forEach(s -> s.retract(eventId, at));
    }

    static String signalId(ResponseDocument response, String userId, String eventId) {
        return response.signalId(SignalKind.REACTION, userId + ":" + eventId);
    }
}
