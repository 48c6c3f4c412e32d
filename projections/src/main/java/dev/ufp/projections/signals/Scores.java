package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Recomputes a response's derived fields from its state: reaction counts, flags and the signal score. */
public final class Scores {

    private Scores() {
    }

    public static void recompute(ResponseDocument response) {
        // the abandonment signal joins whenever a sweep runs, a hindsight signal when its follow-up's final verdict
        // is known (at once, or later from the second classification stage), other signals when their events are
        // projected: keeping hindsight signals after the others (by id) and abandonment last makes the list (and the
        // document) independent of which came first
        response.signals.sort(Comparator.comparingInt(Scores::rank)
                .thenComparing(s -> rank(s) == 1 ? s.signalId : ""));
        response.revisedBySignals.sort(Comparator.naturalOrder());
        response.revisesResponses.sort(Comparator.naturalOrder());
        Map<String, Integer> counts = new TreeMap<>();
        for (Reaction reaction : Reaction.values()) {
            counts.put(reaction.name().toLowerCase(Locale.ROOT), 0);
        }
        response.liveReactions.values().forEach(kinds -> kinds.keySet()
                .forEach(kind -> counts.merge(kind.toLowerCase(Locale.ROOT), 1, Integer::sum)));
        response.reactionCounts = counts;
        response.reactionTotal = counts.values().stream().mapToInt(Integer::intValue).sum();
        response.loved = counts.get("love") > 0;

        Map<String, Double> components = new TreeMap<>();
        double score = 0;
        int active = 0;
        for (SignalDocument signal : response.signals) {
            if (signal.active) {
                components.merge(signal.kind, signal.value, Double::sum);
                score += signal.value;
                active++;
            }
        }
        components.replaceAll((k, v) -> round(v));
        response.scoreComponents = components;
        response.signalScore = round(score);
        response.activeSignals = active;
        response.regenerated = has(response, SignalKind.REGENERATE, false);
        response.copied = has(response, SignalKind.COPY, false);
        response.shared = has(response, SignalKind.SHARE, false);
        response.abandoned = has(response, SignalKind.ABANDONMENT, true);
    }

    private static int rank(SignalDocument signal) {
        return signal.kind.equals(SignalKind.ABANDONMENT.wireName()) ? 2
                : signal.kind.equals(SignalKind.HINDSIGHT.wireName()) ? 1 : 0;
    }

    private static boolean has(ResponseDocument response, SignalKind kind, boolean activeOnly) {
        return response.signals.stream().anyMatch(s -> s.kind.equals(kind.wireName()) && (s.active || !activeOnly));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
