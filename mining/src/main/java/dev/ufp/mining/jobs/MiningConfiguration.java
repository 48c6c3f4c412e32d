package dev.ufp.mining.jobs;

import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.mining.curation.PairJudge;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.projections.followup.MiniLmSentenceEncoder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The mining service on the shared MiniLM encoder; the noise filter uses the application's {@link PairJudge} (the
 * reward-model ensemble) when there is one, and is skipped otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MiningConfiguration {

    @Bean
    MiningService miningService(ResponseSource source, DatasetStore store, ObjectProvider<PairJudge> judges,
                                ApplicationEventPublisher events) {
        PairJudge judge = judges.getIfAvailable(() -> (tenant, pairs) -> Optional.empty());
        // the encoder loads on first use, not at startup
        return new MiningService(source, store, texts -> MiniLmSentenceEncoder.shared().encodeAll(texts), judge,
                events);
    }

    @Bean
    MiningJobs miningJobs(MiningService service) {
        return new MiningJobs(service);
    }
}
