package dev.ufp.mining.reward;

import dev.ufp.mining.quota.JobQuota;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Training jobs, one at a time on a single background thread (training takes both cores anyway), admitted by a
 * {@link JobQuota} ({@code feedback.reward.jobs.*}: how many may wait, how many per tenant queued or running); the latest
 * {@value #KEPT} jobs are remembered in memory. A job lost with its process is resumed by submitting the same
 * request again (the trainer's checkpoints are on disk).
 */
@Component
public class RewardJobs {

    private static final int KEPT = 100;
    private static final Logger log = LoggerFactory.getLogger(RewardJobs.class);

    private final RewardTraining training;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reward-training");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    private final JobQuota quota;

    public RewardJobs(RewardTraining training,
                      @Value("${feedback.reward.jobs.max-queued}") int maxQueued,
                      @Value("${feedback.reward.jobs.max-per-tenant}") int maxPerTenant,
                      @Value("${feedback.reward.jobs.retry-after}") Duration retryAfter) {
        this.training = training;
        this.quota = new JobQuota("training", "feedback.reward.jobs", maxQueued, maxPerTenant, retryAfter);
    }

    public JobStatus submit(String tenant, TrainingConfig config, String datasetId) {
        Job job = new Job("job_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), tenant, config,
                datasetId, Instant.now());
        synchronized (jobs) {
            quota.admit(tenant, jobs.values().stream().filter(j -> j.state.equals("queued")).count(),
                    jobs.values().stream().filter(j -> j.tenant.equals(tenant) && j.finishedAt == null).count());
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.entrySet().stream().filter(e -> e.getValue().finishedAt != null).findFirst()
                        .ifPresent(e -> jobs.remove(e.getKey()));
            }
        }
        executor.execute(() -> run(job));
        return job.status();
    }

    /** The job, if it belongs to the tenant. */
    public Optional<JobStatus> status(String tenant, String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(j -> j.tenant.equals(tenant)).map(Job::status);
        }
    }

    private void run(Job job) {
        job.startedAt = Instant.now();
        job.state = "running";
        try {
            RewardModelVersion saved = training.train(job.tenant, job.config, job.datasetId, s -> job.progress = s);
            job.model = saved.modelId();
            job.progress = new Progress.Snapshot("done", 1, 1, "models", 0, java.time.Duration.ZERO, "registered "
                    + saved.modelId() + " v" + saved.version());
            job.state = "succeeded";
        } catch (RuntimeException | Error e) {
            log.warn("Reward training job {} failed", job.id, e);
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.state = "failed";
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static final class Job {
        final String id;
        final String tenant;
        final TrainingConfig config;
        final String datasetId;
        final Instant submittedAt;
        volatile String state = "queued";
        volatile Progress.Snapshot progress;
        volatile String model;
        volatile String error;
        volatile Instant startedAt;
        volatile Instant finishedAt;

        Job(String id, String tenant, TrainingConfig config, String datasetId, Instant submittedAt) {
            this.id = id;
            this.tenant = tenant;
            this.config = config;
            this.datasetId = datasetId;
            this.submittedAt = submittedAt;
        }

        JobStatus status() {
            Progress.Snapshot p = progress;
            return new JobStatus(id, tenant, state, p == null ? null : p.phase(), p == null ? null : p.done(),
                    p == null ? null : p.total(), p == null ? null : p.unit(),
                    p == null ? null : Math.round(p.ratePerSecond() * 10) / 10.0,
                    p == null || p.eta() == null ? null : p.eta().toSeconds(),
                    p == null || p.detail().isEmpty() ? null : p.detail(), model, error, config, datasetId,
                    submittedAt, startedAt, finishedAt);
        }
    }
}
