/**
 * Projecting events into documents: {@link dev.ufp.projections.projector.Projector} applies one event to the
 * documents it touches (pure, shared by the live processor and the rebuild), {@code ProjectionBatch} loads and
 * writes them in Elasticsearch once per batch with optimistic concurrency, {@code FeedbackProjector} is the Axon
 * streaming processor, and the abandonment sweep and lag metric run beside it.
 */
package dev.ufp.projections.projector;
