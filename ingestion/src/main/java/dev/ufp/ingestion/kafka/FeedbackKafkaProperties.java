package dev.ufp.ingestion.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("feedback.kafka")
public record FeedbackKafkaProperties(boolean enabled, String ingestTopic, String deadLetterTopic,
                                      String eventsTopic, int partitions, String keyHeader,
                                      int listenerThreads) {

    public FeedbackKafkaProperties {
        ingestTopic = ingestTopic == null ? "feedback.ingest.v1" : ingestTopic;
        deadLetterTopic = deadLetterTopic == null ? ingestTopic + ".dlt" : deadLetterTopic;
        eventsTopic = eventsTopic == null ? "feedback.events.v1" : eventsTopic;
        partitions = partitions <= 0 ? 6 : partitions;
        keyHeader = keyHeader == null ? "feedback-key" : keyHeader;
        listenerThreads = listenerThreads <= 0 ? 3 : listenerThreads;
    }
}
