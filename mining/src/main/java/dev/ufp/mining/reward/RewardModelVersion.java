package dev.ufp.mining.reward;

import java.time.Instant;

/**
 * One registered model version (without its artifact).
 *
 * @param trainingSet what it was trained on, e.g. {@code love labels of 12034 responses (evidence)} or a dataset id
 */
public record RewardModelVersion(String modelId, String tenant, int version, Instant createdAt, String objective,
                                 String trainingSet, EvaluationReport metrics, TrainingConfig parameters,
                                 long artifactSize) {
}
