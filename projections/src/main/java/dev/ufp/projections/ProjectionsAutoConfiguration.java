package dev.ufp.projections;

import dev.ufp.projections.followup.EmbeddingFollowUpClassifier;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The follow-up classifier the projections use, unless the application defines its own:
 * {@code feedback.projections.follow-up-classifier=minilm} (default; FLR-style prototypes on the MiniLM encoder
 * shipped in a jar) or {@code lexical} (the keyword baseline, no model to load).
 */
@AutoConfiguration
public class ProjectionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(FollowUpClassifier.class)
    FollowUpClassifier followUpClassifier(@Value("${feedback.projections.follow-up-classifier:minilm}") String kind) {
        return switch (kind) {
            case "minilm" -> EmbeddingFollowUpClassifier.shared();
            case "lexical" -> new LexicalFollowUpClassifier();
            default -> throw new IllegalStateException(
                    "feedback.projections.follow-up-classifier must be 'minilm' or 'lexical', not '" + kind + "'");
        };
    }
}
