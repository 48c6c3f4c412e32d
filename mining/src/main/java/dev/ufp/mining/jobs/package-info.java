/**
 * Mining as a job: {@code POST /v1/mining/jobs} (role trainer) scans the tenant's projected responses, mines,
 * curates and saves a new dataset version; {@code GET /v1/mining/jobs/{id}} shows its phase, rate and ETA.
 */
package dev.ufp.mining.jobs;
