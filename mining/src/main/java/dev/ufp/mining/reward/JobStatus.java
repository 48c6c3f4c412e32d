package dev.ufp.mining.reward;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A training job as {@code GET /v1/reward/jobs/{id}} shows it.
 *
 * @param state      {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param phase      {@code reading}, {@code embedding}, {@code training}, {@code evaluating}
 * @param rate       units per second in the phase
 * @param etaSeconds time left in the phase at that rate
 * @param model      the registered model id once succeeded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(String id, String tenant, String state, String phase, Long done, Long total, String unit,
                        Double rate, Long etaSeconds, String detail, String model, String error,
                        TrainingConfig parameters, String dataset, Instant submittedAt, Instant startedAt,
                        Instant finishedAt) {
}
