package dev.ufp.ingestion.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import dev.ufp.ingestion.intake.StoreUnavailableException;
import dev.ufp.ingestion.tenancy.KeyAuthenticator;
import org.springframework.util.backoff.ExponentialBackOff;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

/** Topics, the byte-array producer and the batch listener factory, configured once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackKafkaProperties.class)
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class KafkaChannelsConfiguration {

    static final String PUBLISHER_GROUP = "kafka-publisher";

    @Bean
    NewTopic ingestTopic(FeedbackKafkaProperties properties) {
        return TopicBuilder.name(properties.ingestTopic()).partitions(properties.partitions()).replicas(1).build();
    }

    @Bean
    NewTopic deadLetterTopic(FeedbackKafkaProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(properties.partitions()).replicas(1).build();
    }

    @Bean
    NewTopic eventsTopic(FeedbackKafkaProperties properties) {
        return TopicBuilder.name(properties.eventsTopic()).partitions(properties.partitions()).replicas(1).build();
    }

    /** Idempotent, acks=all; fails fast while the broker is away so processors back off and retry. */
    @Bean
    KafkaTemplate<String, byte[]> feedbackKafkaTemplate(KafkaProperties boot, MeterRegistry meters) {
        Map<String, Object> config = boot.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    /**
     * Batch listener. Records refused for their content go to the dead-letter topic from the listener itself, at
     * once. The error handler (spring-kafka's {@link DefaultErrorHandler}) then classifies what the listener throws:
     * a store outage ({@link StoreUnavailableException}, the whole batch) is retried with exponential back-off
     * (0.5 s doubling to at most {@code feedback.kafka.retry-max-interval}) for as long as it lasts — no record is
     * ever dropped for an outage, redelivered ones come back as duplicates; a failure pinned on one record
     * ({@code BatchListenerFailedException}) is retried {@code feedback.kafka.record-attempts} times from that
     * record and then published to the dead-letter topic by {@link FailedRecordRecoverer}, and the partition moves
     * on.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> ingestListenerFactory(KafkaProperties boot,
                                                                                 FeedbackKafkaProperties properties,
                                                                                 MeterRegistry meters,
                                                                                 KafkaTemplate<String, byte[]> template,
                                                                                 DeadLetterContent content,
                                                                                 KeyAuthenticator keys) {
        Map<String, Object> config = boot.buildConsumerProperties(null);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 3000);
        // wait up to 100 ms for 1 MB: fewer, fuller batches (one transaction each) under load
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1_048_576);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config);
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.listenerThreads());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(ingestErrorHandler(properties,
                new FailedRecordRecoverer(template, content, keys, properties)));
        return factory;
    }

    static DefaultErrorHandler ingestErrorHandler(FeedbackKafkaProperties properties, ConsumerRecordRecoverer recoverer) {
        ExponentialBackOff untilTheStoreIsBack = new ExponentialBackOff(500, 2.0);
        untilTheStoreIsBack.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilTheStoreIsBack);
        ExponentialBackOffWithMaxRetries recordRetries =
                new ExponentialBackOffWithMaxRetries(Math.max(0, properties.recordAttempts() - 1));
        recordRetries.setInitialInterval(500);
        recordRetries.setMultiplier(2.0);
        recordRetries.setMaxInterval(properties.retryMaxInterval().toMillis());
        handler.setBackOffFunction((record, failure) ->
                isOutage(failure) ? untilTheStoreIsBack : recordRetries);
        handler.setCommitRecovered(true);
        return handler;
    }

    private static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** A failed publication must stop the publisher (and be retried), never be logged and skipped. */
    @Autowired
    void propagatePublisherErrors(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(PUBLISHER_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
