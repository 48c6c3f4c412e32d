/**
 * Projecting events into documents: {@link dev.ufp.projections.projector.Projector} applies one event to the
 * documents it touches (pure, shared by the live processor and the rebuild), {@code ProjectionBatch} loads them
 * once per batch — from the {@code DocumentCache} of what the projection wrote last, else from Elasticsearch — and
 * writes only those that changed ({@code ChangedDocuments}) with optimistic concurrency; {@code FeedbackProjector}
 * is the live Axon streaming processor, {@code FollowUpRevisionProcessor} the second stage of follow-up
 * classification ({@code FollowUpRevision}), and the abandonment sweep and lag metric run beside them.
 */
package dev.ufp.projections.projector;
