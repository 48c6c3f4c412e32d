package dev.ufp.mining.reward;

import dev.ufp.projections.followup.MiniLmSentenceEncoder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The feature encoder (MiniLM; {@code feedback.reward.embedding-cache}, default 256MB) and the scoring processor's
 * error policy: a handler's exception reaches the processor's dead-letter queue (never logged and skipped); what
 * only has to wait (not projected yet, Elasticsearch down) fails the batch instead, retried with back-off
 * ({@link RewardScoringProcessor}).
 */
@Configuration(proxyBeanMethods = false)
class RewardConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FeatureEncoder rewardFeatureEncoder(@Value("${feedback.reward.embedding-cache:256MB}") DataSize cache) {
        return new FeatureEncoder(MiniLmSentenceEncoder.shared(), FeatureOptions.defaults(), cache.toBytes());
    }

    @Bean
    ConfigurerModule rewardScoringErrorPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(RewardScoringProcessor.GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(RewardScoringProcessor.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
