package dev.ufp.projections.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ufp.projections.elastic.IndexSet;

import java.time.Instant;

/**
 * Where a rebuild stands: {@code idle}, {@code replaying} (up to the store head taken at the start),
 * {@code following} (live events, until the lag is under the hand-over lag), {@code handing-over} (the live processor
 * waits while the last events are applied and the aliases move), {@code done} or {@code failed}; events replayed,
 * store head, lag, rate and ETA, conversations Elasticsearch refused (left out), and what the hand-over took.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long events, Long position,
                            Long headPosition, Long lagEvents, double eventsPerSecond, Long etaSeconds, IndexSet from,
                            IndexSet to, long refusedConversations, long handoverEvents, Long handoverMillis,
                            String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("idle", null, null, 0, null, null, null, 0, null, null, null, 0, 0, null, null);
    }

    public boolean running() {
        return state.equals("replaying") || state.equals("following") || state.equals("handing-over")
                || state.equals("starting");
    }
}
