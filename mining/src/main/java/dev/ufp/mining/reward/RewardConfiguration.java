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
 * error policy: a response that cannot be scored yet (not projected, Elasticsearch down) fails the event, and the
 * processor retries it with back-off instead of logging and skipping it.
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
