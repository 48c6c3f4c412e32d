package dev.ufp.ingestion.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Kafka channels, under {@code feedback.kafka} (the broker itself is {@code spring.kafka.bootstrap-servers}).
 *
 * @param enabled         false switches every Kafka channel off (the HTTP API keeps working)
 * @param ingestTopic     where backends publish events, one per record, keyed by conversationId
 * @param deadLetterTopic where refused ingest records go, with the reason in headers
 * @param eventsTopic     every stored event, keyed by conversationId
 * @param partitions      partitions of the topics the platform creates
 * @param keyHeader       record header carrying the ingest key (which names the tenant)
 * @param listenerThreads consumers of the ingest topic in this process (each takes whole partitions)
 * @param deadLetterHeaders headers of a refused record copied to its dead letter (none by default; never the key)
 * @param retryMaxInterval  longest pause between two retries of a failed ingest batch (30 s)
 * @param recordAttempts    attempts at a record whose processing failed for a reason other than a store outage,
 *                          before it goes to the dead-letter topic (3)
 */
@ConfigurationProperties("feedback.kafka")
public record FeedbackKafkaProperties(boolean enabled, String ingestTopic, String deadLetterTopic,
                                      String eventsTopic, int partitions, String keyHeader,
                                      int listenerThreads, List<String> deadLetterHeaders,
                                      Duration retryMaxInterval, int recordAttempts) {

    public FeedbackKafkaProperties {
        ingestTopic = ingestTopic == null ? "feedback.ingest.v1" : ingestTopic;
        deadLetterTopic = deadLetterTopic == null ? ingestTopic + ".dlt" : deadLetterTopic;
        eventsTopic = eventsTopic == null ? "feedback.events.v1" : eventsTopic;
        partitions = partitions <= 0 ? 6 : partitions;
        keyHeader = keyHeader == null ? "feedback-key" : keyHeader;
        listenerThreads = listenerThreads <= 0 ? 3 : listenerThreads;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(30) : retryMaxInterval;
        recordAttempts = recordAttempts <= 0 ? 3 : recordAttempts;
        deadLetterHeaders = deadLetterHeaders == null ? List.of() : List.copyOf(deadLetterHeaders);
    }
}
