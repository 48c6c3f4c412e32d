package dev.ufp.projections;

import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.signals.StubFollowUpClassifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Fallbacks that apply only when the application defines nothing better: the keyword follow-up classifier
 * until a real {@link FollowUpClassifier} bean (embedding or lexical) is present.
 */
@AutoConfiguration
public class ProjectionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(FollowUpClassifier.class)
    FollowUpClassifier stubFollowUpClassifier() {
        return new StubFollowUpClassifier();
    }
}
