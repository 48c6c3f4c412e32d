package dev.ufp.bridge.kafka;

import dev.ufp.ingestion.kafka.FeedbackKafkaProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares {@code feedback.pairs.v1} (created at start-up if missing, like ingestion's topics). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class PairsTopicConfiguration {

    static final String TOPIC = "${feedback.bridge.pairs-topic:feedback.pairs.v1}";

    @Bean
    NewTopic pairsTopic(@Value(TOPIC) String topic, FeedbackKafkaProperties kafka) {
        return TopicBuilder.name(topic).partitions(kafka.partitions()).replicas(1).build();
    }
}
