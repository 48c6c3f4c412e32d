package dev.ufp.mining.jobs;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.mining.quota.JobQuota;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs mining jobs one at a time on a background thread and remembers the most recent ones; how many may wait, and
 * how many one tenant may have queued or running, is bounded by a {@link JobQuota} ({@code feedback.mining.jobs.*}). A job logs its
 * progress every {@code progressInterval} while it runs. Jobs live in memory: a job interrupted by a restart is
 * simply run again (mining is deterministic; the interrupted run saved nothing, a version is written in one
 * transaction).
 */
public class MiningJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MiningJobs.class);
    private static final int REMEMBERED = 100;

    private final MiningService service;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mining-job");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, MiningJob> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MiningJob> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final JobQuota quota;

    public MiningJobs(MiningService service, JobQuota quota) {
        this.service = service;
        this.quota = quota;
    }

    public MiningJob submit(String tenant, MiningRequest request) {
        MiningRequest validated = request.validated();
        MiningJob job = new MiningJob("mj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), tenant,
                validated.name());
        synchronized (jobs) {
            quota.admit(tenant, count(null, MiningJob.State.QUEUED), count(tenant, MiningJob.State.RUNNING));
            jobs.put(job.id(), job);
        }
        executor.submit(() -> {
            job.running();
            try {
                job.succeeded(service.run(tenant, validated, job).datasetId());
            } catch (RuntimeException e) {
                log.warn("Mining job {} for tenant {} failed: {}", job.id(), tenant, e.toString(), e);
                job.failed(e.getMessage());
            }
        });
        return job;
    }

    /** Jobs (of the tenant, or of all when null) whose state is at most {@code upTo} (queued, then running). */
    private long count(String tenant, MiningJob.State upTo) {
        return jobs.values().stream().filter(job -> tenant == null || job.tenant().equals(tenant))
                .filter(job -> job.snapshot().state().compareTo(upTo) <= 0).count();
    }

    /** Whether a job for this tenant's dataset is queued or running. */
    public boolean isActive(String tenant, String name) {
        synchronized (jobs) {
            return jobs.values().stream().anyMatch(job -> job.tenant().equals(tenant) && job.dataset().equals(name)
                    && job.snapshot().state().compareTo(MiningJob.State.RUNNING) <= 0);
        }
    }

    /** The tenant's job with this id (another tenant's job is not found). */
    public MiningJob get(String tenant, String id) {
        MiningJob job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null || !job.tenant().equals(tenant)) {
            throw ApiProblem.notFound("no mining job '" + id + "' for this tenant (the last " + REMEMBERED
                    + " jobs are kept in memory)");
        }
        return job;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
