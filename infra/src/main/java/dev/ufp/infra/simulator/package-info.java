/**
 * The traffic simulator: seeded, deterministic conversations with latent response quality, user preferences,
 * adversarial users and delivery faults, sent through the HTTP API or the Kafka ingest topic, with a ground-truth
 * file ({@link dev.ufp.infra.simulator.GroundTruth}) that is never sent to the platform.
 */
package dev.ufp.infra.simulator;
