package dev.ufp.mining.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.mining.curation.PairJudge;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.quota.JobQuota;
import dev.ufp.projections.followup.MiniLmSentenceEncoder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.Optional;

/**
 * The mining service on the shared MiniLM encoder; the noise filter uses the application's {@link PairJudge} (the
 * reward-model ensemble) when there is one, and is skipped otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MiningConfiguration {

    @Bean
    MiningService miningService(ResponseSource source, DatasetStore store, ObjectProvider<PairJudge> judges,
                                ApplicationEventPublisher events, ObjectMapper mapper) {
        PairJudge judge = judges.getIfAvailable(() -> (tenant, pairs) -> Optional.empty());
        // the encoder loads on first use, not at startup
        return new MiningService(source, store, texts -> MiniLmSentenceEncoder.shared().encodeAll(texts), judge,
                events, mapper);
    }

    @Bean
    MiningJobs miningJobs(MiningService service,
                          @Value("${feedback.mining.jobs.max-queued}") int maxQueued,
                          @Value("${feedback.mining.jobs.max-per-tenant}") int maxPerTenant,
                          @Value("${feedback.mining.jobs.retry-after}") Duration retryAfter) {
        return new MiningJobs(service, new JobQuota("mining", "feedback.mining.jobs", maxQueued, maxPerTenant,
                retryAfter));
    }

    @Bean
    AutoMining autoMining(DatasetStore store, ResponseSource source, MiningJobs jobs, ObjectMapper mapper) {
        return new AutoMining(store, source, jobs, mapper);
    }

    /** With {@code feedback.mining.auto-interval} set (e.g. {@code 10m}), re-mines changed datasets on that delay. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("feedback.mining.auto-interval")
    static class AutoMiningSchedule {

        private final AutoMining autoMining;

        AutoMiningSchedule(AutoMining autoMining) {
            this.autoMining = autoMining;
        }

        @Scheduled(fixedDelayString = "${feedback.mining.auto-interval}",
                initialDelayString = "${feedback.mining.auto-interval}")
        void remine() {
            autoMining.remineChanged();
        }
    }
}
