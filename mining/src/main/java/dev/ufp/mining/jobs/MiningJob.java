package dev.ufp.mining.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ufp.mining.curation.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * A mining job's state as {@code GET /v1/mining/jobs/{id}} shows it: phase, progress in the phase, rate and ETA.
 * Written by the job's thread, read by any: every field change is published through a synchronized snapshot.
 */
public final class MiningJob implements Progress {

    private static final Logger log = LoggerFactory.getLogger(MiningJob.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** Shown in lower case, like every job state of the platform. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String id;
    private final String tenant;
    private final String dataset;
    private final Instant createdAt = Instant.now();
    private State state = State.QUEUED;
    private String phase = "queued";
    private String unit;
    private long done;
    private long total;
    private Instant phaseStartedAt = createdAt;
    private Instant loggedAt = createdAt;
    private Instant finishedAt;
    private String datasetId;
    private String error;

    MiningJob(String id, String tenant, String dataset) {
        this.id = id;
        this.tenant = tenant;
        this.dataset = dataset;
    }

    /** The name of the dataset the job mines a version of. */
    public String dataset() {
        return dataset;
    }

    public String id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    /** Taken off the queue: running, before its first phase. */
    synchronized void running() {
        state = State.RUNNING;
    }

    @Override
    public synchronized void phase(String name, long totalItems, String itemUnit) {
        log.info("Mining job {} ({} of tenant {}): {} ({} {})", id, dataset, tenant, name, totalItems, itemUnit);
        state = State.RUNNING;
        phase = name;
        unit = itemUnit;
        done = 0;
        total = totalItems;
        phaseStartedAt = Instant.now();
    }

    @Override
    public synchronized void advance(long items) {
        done += items;
        Instant now = Instant.now();
        if (Duration.between(loggedAt, now).compareTo(LOG_EVERY) >= 0) {
            loggedAt = now;
            Snapshot s = snapshot();
            log.info("Mining job {}: {} {}/{} {} ({}/s, ETA {} s)", id, phase, done, total, unit, s.rate(),
                    s.etaSeconds() == null ? "?" : s.etaSeconds());
        }
    }

    /** The current phase is over: all of its items are done. */
    synchronized void completePhase() {
        done = Math.max(done, total);
    }

    synchronized void succeeded(String dataset) {
        state = State.SUCCEEDED;
        phase = "done";
        datasetId = dataset;
        finishedAt = Instant.now();
    }

    synchronized void failed(String message) {
        state = State.FAILED;
        error = message;
        finishedAt = Instant.now();
    }

    public synchronized Snapshot snapshot() {
        double seconds = Math.max(1e-3, Duration.between(phaseStartedAt, Instant.now()).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = total > 0 && rate > 0 && done < total ? Math.round((total - done) / rate) : null;
        return new Snapshot(id, dataset, state, phase, done, total, unit, Math.round(rate * 10) / 10.0, eta, createdAt,
                finishedAt, datasetId, error);
    }

    /**
     * Shaped like the reward model's training jobs ({@code GET /v1/reward/jobs/{id}}).
     *
     * @param unit       what {@code done}/{@code total} count in the current phase
     * @param rate       units per second in the current phase
     * @param etaSeconds null when unknown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Snapshot(String id, String dataset, State state, String phase, long done, long total, String unit,
                           double rate, Long etaSeconds, Instant createdAt, Instant finishedAt, String datasetId, String error) {
    }
}
