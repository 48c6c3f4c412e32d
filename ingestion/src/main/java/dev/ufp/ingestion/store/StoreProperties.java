package dev.ufp.ingestion.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the event store, under {@code feedback.store}.
 *
 * @param cacheMaxEntries        conversations kept in the aggregate cache
 * @param cacheExpireAfterAccess how long an idle conversation stays cached
 * @param snapshotThreshold      events after which a conversation is snapshotted
 * @param maxGapOffset           how far behind the head a tracking processor still waits for a missing index
 * @param gapTimeoutMillis       how long a processor waits for a missing global index to commit
 */
@ConfigurationProperties("feedback.store")
public record StoreProperties(long cacheMaxEntries, Duration cacheExpireAfterAccess, int snapshotThreshold,
                              int maxGapOffset, int gapTimeoutMillis) {

    public StoreProperties {
        cacheMaxEntries = cacheMaxEntries <= 0 ? 100_000 : cacheMaxEntries;
        cacheExpireAfterAccess = cacheExpireAfterAccess == null ? Duration.ofMinutes(30) : cacheExpireAfterAccess;
        snapshotThreshold = snapshotThreshold <= 0 ? 250 : snapshotThreshold;
        maxGapOffset = maxGapOffset <= 0 ? 50_000 : maxGapOffset;
        gapTimeoutMillis = gapTimeoutMillis <= 0 ? 120_000 : gapTimeoutMillis;
    }
}
