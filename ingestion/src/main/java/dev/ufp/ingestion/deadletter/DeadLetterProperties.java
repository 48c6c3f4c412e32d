package dev.ufp.ingestion.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of each processor's dead-letter queue, under {@code feedback.dead-letters} (which processors have one:
 * {@code axon.eventhandling.processors.<name>.dlq.enabled}). A full queue stops its processor, loudly, rather
 * than drop an event.
 *
 * @param maxSequences    parked sequences (conversations) per processor
 * @param maxSequenceSize events per parked sequence
 */
@ConfigurationProperties("feedback.dead-letters")
public record DeadLetterProperties(int maxSequences, int maxSequenceSize) {

    public DeadLetterProperties {
        maxSequences = maxSequences <= 0 ? 10_000 : maxSequences;
        maxSequenceSize = maxSequenceSize <= 0 ? 10_000 : maxSequenceSize;
    }
}
