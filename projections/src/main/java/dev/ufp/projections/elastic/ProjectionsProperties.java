package dev.ufp.projections.elastic;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code feedback.projections.*}: an optional prefix for every index, alias and template name (tests, several
 * platforms on one cluster), index settings, the abandonment sweep (how often it runs; how far behind a tenant's
 * newest event time a deadline must lie before it is judged), the rebuild's batch size, and how few events the new
 * indices may lag the store by before a rebuild hands over ({@code rebuild-handover-lag}: the live processor waits
 * only while the rebuild applies those), the bytes of recently written documents the projection keeps in memory
 * instead of reading them back ({@code document-cache-max-bytes}, 0: off), and whether follow-ups are classified in
 * two stages ({@code two-stage-follow-ups}: the lexical verdict at once, the configured classifier's in the
 * {@code feedback-follow-up-revisions} processor).
 */
@ConfigurationProperties("feedback.projections")
public record ProjectionsProperties(String indexPrefix, int shards, int replicas, Duration abandonmentSweepInterval,
                                    Duration abandonmentGrace, int rebuildBatchSize, Duration rebuildProgressInterval,
                                    int rebuildHandoverLag, DataSize documentCacheMaxBytes,
                                    boolean twoStageFollowUps) {

    public ProjectionsProperties {
        indexPrefix = indexPrefix == null ? "" : indexPrefix;
        shards = shards <= 0 ? 1 : shards;
        abandonmentSweepInterval = abandonmentSweepInterval == null ? Duration.ofMinutes(1) : abandonmentSweepInterval;
        abandonmentGrace = abandonmentGrace == null ? Duration.ofMinutes(10) : abandonmentGrace;
        if (abandonmentGrace.isNegative()) {
            throw new IllegalArgumentException("feedback.projections.abandonment-grace must not be negative, is "
                    + abandonmentGrace);
        }
        rebuildBatchSize = rebuildBatchSize <= 0 ? 500 : rebuildBatchSize;
        rebuildProgressInterval = rebuildProgressInterval == null ? Duration.ofSeconds(5) : rebuildProgressInterval;
        rebuildHandoverLag = rebuildHandoverLag <= 0 ? 1000 : rebuildHandoverLag;
        documentCacheMaxBytes = documentCacheMaxBytes == null ? DataSize.ofMegabytes(64) : documentCacheMaxBytes;
        if (documentCacheMaxBytes.isNegative()) {
            throw new IllegalArgumentException("feedback.projections.document-cache-max-bytes must not be negative, is "
                    + documentCacheMaxBytes);
        }
    }
}
