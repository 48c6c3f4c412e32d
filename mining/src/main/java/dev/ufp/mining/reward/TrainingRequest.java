package dev.ufp.mining.reward;

/**
 * What {@code POST /v1/reward/models} asks for; nulls take {@link TrainingConfig#defaults()}.
 *
 * @param objective {@code love} (default) or {@code pairwise}
 * @param heads     ensemble size K (default 5)
 * @param epochs    default 10
 * @param dataset   dataset version id: the pairs for {@code pairwise}; for {@code love}, optional held-out pairs
 *                  for the report's pairwise accuracy
 * @param seed      default 42
 * @param labels    {@code evidence} (default: responses with a Love or any active signal) or {@code all}
 */
public record TrainingRequest(String objective, Integer heads, Integer epochs, String dataset, Long seed,
                              String labels) {
}
