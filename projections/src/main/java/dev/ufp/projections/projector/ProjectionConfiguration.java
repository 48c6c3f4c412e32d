package dev.ufp.projections.projector;

import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.signals.SignalProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The projector and the processor's error policy: an event that cannot be projected fails its batch (never
 * logged and skipped), so the processor retries it with back-off until Elasticsearch answers again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignalProperties.class)
@EnableScheduling
class ProjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    /**
     * The follow-up classifier is the unique (or {@code @Primary}) {@link FollowUpClassifier} bean, else the first
     * in {@code @Order}; the keyword stub only when there is none.
     */
    @Bean
    Projector projector(SignalProperties properties, ObjectProvider<FollowUpClassifier> classifiers) {
        FollowUpClassifier classifier = classifiers.getIfUnique(() -> classifiers.orderedStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no FollowUpClassifier bean")));
        log.info("Follow-up signals by {} v{}", classifier.name(), classifier.version());
        return new Projector(properties, classifier);
    }

    @Bean
    ConfigurerModule feedbackProjectionErrorPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(FeedbackProjector.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(FeedbackProjector.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
