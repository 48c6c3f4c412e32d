package dev.ufp.ingestion.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and tuning of ingestion, under {@code feedback.ingest}.
 *
 * @param maxBatchEvents        most events in one request
 * @param maxBatchSize          largest request body
 * @param maxConcurrentBatches  batches written at once; bounds the open global-index range seen by processors
 * @param attemptsPerConversation      tries per conversation when a shared batch had to fall back to one transaction per conversation
 */
@ConfigurationProperties("feedback.ingest")
public record IngestProperties(int maxBatchEvents, DataSize maxBatchSize, int maxConcurrentBatches,
                               int attemptsPerConversation) {

    public IngestProperties {
        maxBatchEvents = maxBatchEvents <= 0 ? 1_000 : maxBatchEvents;
        maxBatchSize = maxBatchSize == null ? DataSize.ofMegabytes(5) : maxBatchSize;
        maxConcurrentBatches = maxConcurrentBatches <= 0 ? 4 : maxConcurrentBatches;
        attemptsPerConversation = attemptsPerConversation <= 0 ? 3 : attemptsPerConversation;
    }
}
