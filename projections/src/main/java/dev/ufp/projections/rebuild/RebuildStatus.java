package dev.ufp.projections.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ufp.projections.elastic.IndexSet;

import java.time.Instant;

/**
 * Where a rebuild stands: {@code idle}, {@code replaying}, {@code catching-up} (live processor paused),
 * {@code done} or {@code failed}; events replayed, store head, rate and ETA.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long events, Long position,
                            Long headPosition, double eventsPerSecond, Long etaSeconds, IndexSet from, IndexSet to,
                            String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("idle", null, null, 0, null, null, 0, null, null, null, null);
    }

    public boolean running() {
        return state.equals("replaying") || state.equals("catching-up") || state.equals("starting");
    }
}
