package dev.ufp.projections.projector;

import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.signals.SignalProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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

    @Bean
    Projector projector(SignalProperties properties, FollowUpClassifier classifier) {
        return new Projector(properties, classifier);
    }

    @Bean
    ConfigurerModule feedbackProjectionErrorPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(FeedbackProjector.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(FeedbackProjector.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
