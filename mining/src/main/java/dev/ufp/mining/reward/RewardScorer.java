package dev.ufp.mining.reward;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores inputs with a registered model: loaded ensembles are kept (the {@value #LOADED} most recently used), and
 * each tenant's latest model id is remembered for {@code feedback.reward.latest-model-ttl} (default 30 s), so
 * asking "does this tenant have a model?" per event costs a map lookup.
 */
@Component
public class RewardScorer {

    private static final int LOADED = 8;

    private final ModelRegistry registry;
    private final FeatureEncoder features;
    private final double lambda;
    private final long latestTtlNanos;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Map<String, RewardEnsemble> loaded = new LinkedHashMap<>(16, 0.75f, true);

    public RewardScorer(ModelRegistry registry, FeatureEncoder features,
                        @Value("${feedback.reward.uncertainty-lambda:1.0}") double lambda,
                        @Value("${feedback.reward.latest-model-ttl:30s}") Duration latestTtl) {
        this.registry = registry;
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
        Optional<RewardEnsemble> ensemble = ensemble(tenant, id.get());
        return ensemble.map(e -> new Scored(id.get(), e.score(features.encode(inputs), mode, lambda)));
    }

    private Optional<RewardEnsemble> ensemble(String tenant, String modelId) {
        String key = tenant + '\u0000' + modelId;
        synchronized (loaded) {
            RewardEnsemble known = loaded.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        // loading outside the lock; two threads may both load the same model once: harmless
        Optional<RewardEnsemble> fresh = registry.load(tenant, modelId);
        fresh.ifPresent(e -> {
            synchronized (loaded) {
                loaded.putIfAbsent(key, e);
                if (loaded.size() > LOADED) {
                    // not closed: a request may still be scoring with it; its native memory (a few MB) stays
                    loaded.remove(loaded.keySet().iterator().next());
                }
            }
        });
        return fresh;
    }

    private record Latest(String modelId, long at) {
    }
}
