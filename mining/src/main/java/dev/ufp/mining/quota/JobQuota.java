package dev.ufp.mining.quota;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;

import java.time.Duration;

/**
 * Admission of a background job: at most {@code maxQueued} jobs wait (all tenants together) and one tenant has at
 * most {@code maxPerTenant} jobs queued or running, so no tenant can fill the queue. A refusal is a 429 problem
 * with {@code Retry-After}, naming the property and its value.
 *
 * @param kind       what the jobs are, for messages ({@code "mining"}, {@code "training"})
 * @param property   the properties' prefix, e.g. {@code feedback.mining.jobs}
 * @param retryAfter when a refused client should try again
 */
public record JobQuota(String kind, String property, int maxQueued, int maxPerTenant, Duration retryAfter) {

    public JobQuota {
        if (maxQueued < 1 || maxPerTenant < 1) {
            throw new IllegalArgumentException(property + ".max-queued and .max-per-tenant must be at least 1, not "
                    + maxQueued + " and " + maxPerTenant);
        }
    }

    /**
     * Throws the 429 problem unless one more job may be queued.
     *
     * @param queued          jobs of every tenant waiting to run
     * @param activeOfTenant  this tenant's jobs queued or running
     */
    public void admit(String tenant, long queued, long activeOfTenant) {
        if (activeOfTenant >= maxPerTenant) {
            throw ApiProblem.tooManyRequests("too-many-jobs", "tenant " + tenant + " already has " + activeOfTenant
                            + " " + kind + " jobs queued or running, the most one tenant may have; submit again once "
                            + "one has finished",
                    new FieldViolation(property + ".max-per-tenant", activeOfTenant, "at most " + maxPerTenant
                            + " jobs queued or running per tenant", "wait for a job of this tenant to finish"),
                    retryAfter);
        }
        if (queued >= maxQueued) {
            throw ApiProblem.tooManyRequests("queue-full", "the " + kind + " queue is full (" + queued
                            + " jobs waiting); submit again later",
                    new FieldViolation(property + ".max-queued", queued, "at most " + maxQueued + " jobs waiting",
                            "wait for the queue to drain"),
                    retryAfter);
        }
    }
}
