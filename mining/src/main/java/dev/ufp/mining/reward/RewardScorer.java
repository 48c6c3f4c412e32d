package dev.ufp.mining.reward;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores inputs with a registered model: loaded ensembles are kept ({@code feedback.reward.loaded-models}, the most
 * recently used; an evicted one is closed once no scoring call uses it, see {@link LoadedModels}), and
 * each tenant's latest model id is remembered for {@code feedback.reward.latest-model-ttl} (default 30 s), so
 * asking "does this tenant have a model?" per event costs a map lookup.
 */
@Component
public class RewardScorer {

    private final ModelRegistry registry;
    private final FeatureEncoder features;
    private final double lambda;
    private final long latestTtlNanos;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final LoadedModels<RewardEnsemble> loaded;

    public RewardScorer(ModelRegistry registry, FeatureEncoder features,
                        @Value("${feedback.reward.uncertainty-lambda:1.0}") double lambda,
                        @Value("${feedback.reward.latest-model-ttl:30s}") Duration latestTtl,
                        @Value("${feedback.reward.loaded-models:8}") int loadedModels) {
        this.registry = registry;
        this.loaded = new LoadedModels<>(loadedModels);
        this.features = features;
        this.lambda = lambda;
        this.latestTtlNanos = latestTtl.toNanos();
    }

    /** The scores of one request. */
    public record Scored(String model, List<EnsembleScore> scores) {
    }

    /** The tenant's latest model id, from a short-lived cache. */
    public Optional<String> latestModelId(String tenant) {
        long now = System.nanoTime();
        Latest known = latest.get(tenant);
        if (known == null || now - known.at > latestTtlNanos) {
            known = new Latest(registry.latestId(tenant).orElse(null), now);
            latest.put(tenant, known);
        }
        return Optional.ofNullable(known.modelId);
    }

    /** Forgets the cached latest ids (after registering a model in this process). */
    public void refresh(String tenant) {
        latest.remove(tenant);
    }

    /**
     * Scores with {@code modelId}, or the tenant's latest model when null; empty when there is no such model.
     */
    public Optional<Scored> score(String tenant, String modelId, List<RewardInput> inputs, ScoreMode mode) {
        Optional<String> id = modelId == null ? registry.latestId(tenant) : Optional.of(modelId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String key = tenant + '\u0000' + id.get();
        Optional<LoadedModels.Lease<RewardEnsemble>> lease = loaded.lease(key, k -> registry.load(tenant, id.get()));
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (LoadedModels.Lease<RewardEnsemble> model = lease.get()) {
            return Optional.of(new Scored(id.get(), model.model().score(features.encode(inputs), mode, lambda)));
        }
    }

    @PreDestroy
    void close() {
        loaded.clear();
    }

    private record Latest(String modelId, long at) {
    }
}
