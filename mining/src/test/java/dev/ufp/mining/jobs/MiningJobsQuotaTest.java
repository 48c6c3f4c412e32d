package dev.ufp.mining.jobs;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.mining.quota.JobQuota;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The mining queue is bounded, and one tenant cannot hold more than its share of it. */
class MiningJobsQuotaTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final MiningService service = mock(MiningService.class);
    private final MiningJobs jobs = new MiningJobs(service,
            new JobQuota("mining", "feedback.mining.jobs", 2, 2, Duration.ofSeconds(30)));

    MiningJobsQuotaTest() {
        when(service.run(anyString(), any(), any())).thenAnswer(call -> {
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            throw new IllegalStateException("not mined in this test");
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        jobs.destroy();
    }

    @Test
    void aTenantOverItsShareGets429NamingTheLimitWithRetryAfter() {
        MiningJob running = jobs.submit("acme", MiningRequest.defaults());
        jobs.submit("acme", MiningRequest.defaults());
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> jobs.submit("acme", MiningRequest.defaults()));
        var response = refused.toResponse();
        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(response.getBody().getDetail()).contains("tenant acme already has 2 mining jobs");
        assertThat(response.getBody().getProperties().get("errors")).asString()
                .contains("feedback.mining.jobs.max-per-tenant", "at most 2 jobs queued or running per tenant");

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> running.snapshot().state() == MiningJob.State.FAILED);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(ApiProblem.class)
                .until(() -> jobs.submit("acme", MiningRequest.defaults()) != null);
    }

    @Test
    void aFullQueueGets429ForEveryTenant() {
        MiningJob running = jobs.submit("acme", MiningRequest.defaults());
        await().atMost(Duration.ofSeconds(10)).until(() -> running.snapshot().state() == MiningJob.State.RUNNING);
        jobs.submit("acme", MiningRequest.defaults());
        jobs.submit("globex", MiningRequest.defaults());
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> jobs.submit("initech", MiningRequest.defaults()));
        assertThat(refused.status().value()).isEqualTo(429);
        assertThat(refused.getMessage()).contains("queue is full (2 jobs waiting)");
        assertThat(refused.toResponse().getBody().getProperties().get("errors")).asString()
                .contains("feedback.mining.jobs.max-queued", "at most 2 jobs waiting");
    }
}
