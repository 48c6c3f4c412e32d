package dev.ufp.ingestion.intake;

import dev.ufp.ingestion.contract.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;

/**
 * Limits and tuning of ingestion, under {@code feedback.ingest}.
 *
 * @param maxBatchEvents        most events in one request
 * @param maxBatchSize          largest request body
 * @param maxConcurrentBatches  batches written at once; bounds the open global-index range seen by processors
 * @param attemptsPerConversation      tries per conversation when a shared batch had to fall back to one transaction per conversation
 * @param maxAttributes         most {@code attributes} of one {@code ConversationStarted}
 * @param occurredAtEarliest    earliest {@code occurredAt} accepted
 * @param occurredAtMaxAhead    how far past the platform's clock an {@code occurredAt} may lie
 */
@ConfigurationProperties("feedback.ingest")
public record IngestProperties(int maxBatchEvents, DataSize maxBatchSize, int maxConcurrentBatches,
                               int attemptsPerConversation, int maxAttributes, Instant occurredAtEarliest,
                               Duration occurredAtMaxAhead) {

    public IngestProperties {
        maxBatchEvents = maxBatchEvents <= 0 ? 1_000 : maxBatchEvents;
        maxBatchSize = maxBatchSize == null ? DataSize.ofMegabytes(5) : maxBatchSize;
        maxConcurrentBatches = maxConcurrentBatches <= 0 ? 4 : maxConcurrentBatches;
        attemptsPerConversation = attemptsPerConversation <= 0 ? 3 : attemptsPerConversation;
        maxAttributes = maxAttributes <= 0 ? Limits.ATTRIBUTES_MAX : maxAttributes;
        occurredAtEarliest = occurredAtEarliest == null ? Limits.OCCURRED_AT_EARLIEST : occurredAtEarliest;
        occurredAtMaxAhead = occurredAtMaxAhead == null ? Limits.OCCURRED_AT_MAX_AHEAD : occurredAtMaxAhead;
    }
}
