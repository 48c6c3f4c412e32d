/**
 * The P[Love] reward model: MiniLM features of (prompt with context, response) ({@link
 * dev.ufp.mining.reward.FeatureEncoder}), an ensemble of small DJL MLP heads trained on Love labels or preference
 * pairs ({@link dev.ufp.mining.reward.RewardTrainer}), conservative ensemble scores ({@link
 * dev.ufp.mining.reward.RewardEnsemble}), an evaluation report per model version, a versioned registry
 * ({@link dev.ufp.mining.reward.ModelRegistry}), the {@code /v1/reward} API and the {@code reward-scoring}
 * processor that writes {@code pLove} into {@code feedback-responses}.
 */
package dev.ufp.mining.reward;
