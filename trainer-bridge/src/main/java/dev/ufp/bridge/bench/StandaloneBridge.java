package dev.ufp.bridge.bench;

import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;

/**
 * Ingestion (keys, tenants, problems, the store) plus trainer-bridge and mining's {@link DatasetStore} — without
 * projections, Elasticsearch or the reward model: what the bridge's tests and {@link StreamBenchmark} run. Only
 * active with {@code feedback.bridge.standalone=true}, so the all-in-one platform (which scans {@code dev.ufp})
 * ignores it.
 */
@SpringBootApplication(scanBasePackages = {"dev.ufp.ingestion", "dev.ufp.bridge"})
@Import(DatasetStore.class)
@ConditionalOnProperty(name = StandaloneBridge.ENABLED, havingValue = "true")
public class StandaloneBridge {

    public static final String ENABLED = "feedback.bridge.standalone";
}
