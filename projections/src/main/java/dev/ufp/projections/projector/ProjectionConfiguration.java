package dev.ufp.projections.projector;

import dev.ufp.projections.elastic.ProjectionsProperties;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.signals.SignalProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The projector and the processor's error policy: a batch that fails for a reason that heals is retried with
 * back-off until Elasticsearch answers again (never logged and skipped); an event Elasticsearch refuses for good
 * goes to the dead-letter queue ({@link FeedbackProjector}), and its handler's exception must reach the queue, so
 * handler errors propagate.
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
    Projector projector(SignalProperties properties, ProjectionsProperties projections,
                        ObjectProvider<FollowUpClassifier> classifiers) {
        FollowUpClassifier classifier = classifiers.getIfUnique(() -> classifiers.orderedStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no FollowUpClassifier bean")));
        LexicalFollowUpClassifier lexical = new LexicalFollowUpClassifier();
        if (projections.twoStageFollowUps() && !classifier.name().equals(lexical.name())) {
            log.info("Follow-up signals by {} v{} in two stages: {} v{} at once, revised by processor {}",
                    classifier.name(), classifier.version(), lexical.name(), lexical.version(),
                    FollowUpRevisionProcessor.GROUP);
            return new Projector(properties, classifier, lexical);
        }
        log.info("Follow-up signals by {} v{}", classifier.name(), classifier.version());
        return new Projector(properties, classifier);
    }

    /** The documents the projections wrote last, shared by the live processor, the revisions and the rebuild. */
    @Bean
    DocumentCache projectionDocumentCache(ProjectionsProperties projections) {
        return DocumentCache.ofMaxBytes(projections.documentCacheMaxBytes().toBytes());
    }

    @Bean
    ConfigurerModule feedbackProjectionErrorPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(FeedbackProjector.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(FeedbackProjector.GROUP, c -> ProjectionConfiguration::failBatch)
                .registerListenerInvocationErrorHandler(FollowUpRevisionProcessor.GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(FollowUpRevisionProcessor.GROUP, c -> ProjectionConfiguration::failBatch);
    }

    /**
     * Fails the batch so the processor retries it. While Elasticsearch is unreachable that happens every few
     * seconds, so an I/O failure is rethrown without a stack trace — Axon logs one WARN line per retry with the
     * cause — and the full trace goes to DEBUG. Anything else propagates as it is.
     */
    static void failBatch(ErrorContext context) throws Exception {
        Throwable error = context.error();
        if (error instanceof FollowUpRevisionProcessor.NotProjectedYet) {
            log.debug("Follow-up revisions wait for the live projection: {}", error.getMessage());
            throw (FollowUpRevisionProcessor.NotProjectedYet) error;
        }
        if (error instanceof FeedbackProjector.PoisonFound) {
            log.warn("{}", error.getMessage());
            throw (FeedbackProjector.PoisonFound) error;
        }
        if (isUnavailable(error)) {
            log.debug("Projection batch of {} events failed; retried with back-off", context.failedEvents().size(),
                    error);
            throw new BatchRetried(error);
        }
        PropagatingErrorHandler.instance().handleError(context);
    }

    private static boolean isUnavailable(Throwable error) {
        return ProjectionFailures.retryable(error);
    }

    /** A failed batch, described in one line (the cause chain's messages), without a stack trace. */
    static final class BatchRetried extends RuntimeException {
        BatchRetried(Throwable error) {
            super(describe(error), null, false, false);
        }

        private static String describe(Throwable error) {
            StringBuilder text = new StringBuilder("projection batch failed, retrying with back-off: ");
            text.append(error);
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != error) {
                text.append("; cause: ").append(root);
            }
            return text.toString();
        }
    }
}
