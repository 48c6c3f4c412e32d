package dev.ufp.ingestion.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.List;

/**
 * The JPA dead-letter queues of the processors that enable one ({@code axon.eventhandling.processors.<name>.dlq
 * .enabled}), sized by {@link DeadLetterProperties}, with the platform's {@link DeadLetterPolicy}, and two gauges
 * per processor: {@code feedback.dead.letters.sequences} and {@code feedback.dead.letters} (events).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

    /** Replaces Axon's own provider module (same queue, configurable bounds). */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager, Serializer genericSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer, DeadLetterProperties properties) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> config ->
                JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .maxSequences(properties.maxSequences())
                        .maxSequenceSize(properties.maxSequenceSize())
                        .entityManagerProvider(entityManagerProvider)
                        .transactionManager(transactionManager)
                        .genericSerializer(genericSerializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }

    @Bean
    ConfigurerModule deadLetterPolicies(EventProcessorProperties processors) {
        return configurer -> dlqGroups(processors).forEach(group -> configurer.eventProcessing()
                .registerDeadLetterPolicy(group, c -> new DeadLetterPolicy(group)));
    }

    @Bean
    Quarantine quarantine() {
        return new Quarantine();
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing, EventProcessorProperties processors,
                            TransactionManager transactionManager) {
        return new DeadLetters(processing, dlqGroups(processors), transactionManager);
    }

    @Bean
    GaugesRegistration deadLetterGauges(DeadLetters deadLetters, MeterRegistry meters) {
        return new GaugesRegistration(deadLetters, meters);
    }

    static List<String> dlqGroups(EventProcessorProperties processors) {
        return processors.getProcessors().entrySet().stream()
                .filter(e -> e.getValue().getDlq().isEnabled())
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** Registers the gauges once the processors (and their queues) exist. */
    static final class GaugesRegistration {
        private final DeadLetters deadLetters;
        private final MeterRegistry meters;

        GaugesRegistration(DeadLetters deadLetters, MeterRegistry meters) {
            this.deadLetters = deadLetters;
            this.meters = meters;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            for (String processor : deadLetters.processors()) {
                Gauge.builder("feedback.dead.letters.sequences", deadLetters, d -> d.sequences(processor))
                        .description("conversations parked in the processor's dead-letter queue")
                        .tag("processor", processor).register(meters);
                Gauge.builder("feedback.dead.letters", deadLetters, d -> d.letters(processor))
                        .description("events parked in the processor's dead-letter queue")
                        .tag("processor", processor).register(meters);
            }
        }
    }
}
