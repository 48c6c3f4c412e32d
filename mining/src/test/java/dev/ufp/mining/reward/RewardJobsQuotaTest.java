package dev.ufp.mining.reward;

import dev.ufp.ingestion.problem.ApiProblem;
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

/** Training jobs: a bounded queue and one job per tenant queued or running (the defaults' shape). */
class RewardJobsQuotaTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final RewardTraining training = mock(RewardTraining.class);
    private final RewardJobs jobs = new RewardJobs(training, 1, 1, Duration.ofSeconds(60));

    RewardJobsQuotaTest() {
        when(training.train(anyString(), any(), any(), any())).thenAnswer(call -> {
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            throw new IllegalStateException("not trained in this test");
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        jobs.stop();
    }

    @Test
    void aSecondJobOfTheSameTenantAndAJobPastTheQueueGet429() {
        JobStatus first = jobs.submit("acme", TrainingConfig.defaults(), null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.status("acme", first.id()).orElseThrow().state().equals("running"));
        ApiProblem perTenant = catchThrowableOfType(ApiProblem.class,
                () -> jobs.submit("acme", TrainingConfig.defaults(), null));
        assertThat(perTenant.toResponse().getStatusCode().value()).isEqualTo(429);
        assertThat(perTenant.toResponse().getHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(perTenant.toResponse().getBody().getProperties().get("errors")).asString()
                .contains("feedback.reward.jobs.max-per-tenant");

        jobs.submit("globex", TrainingConfig.defaults(), null);
        ApiProblem queueFull = catchThrowableOfType(ApiProblem.class,
                () -> jobs.submit("initech", TrainingConfig.defaults(), null));
        assertThat(queueFull.status().value()).isEqualTo(429);
        assertThat(queueFull.toResponse().getBody().getProperties().get("errors")).asString()
                .contains("feedback.reward.jobs.max-queued", "at most 1 jobs waiting");

        release.countDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.status("acme", first.id()).orElseThrow().state().equals("failed"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(ApiProblem.class)
                .until(() -> jobs.submit("acme", TrainingConfig.defaults(), null) != null);
    }
}
