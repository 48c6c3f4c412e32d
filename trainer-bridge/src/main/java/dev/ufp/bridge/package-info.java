/**
 * Trainer bridge: what training jobs pull from the platform. Dataset versions (mining's {@code dataset} package)
 * streamed as TRL, TRL-conversational, KTO, OpenRLHF and RLHFlow JSONL with resumable cursors and page checksums
 * ({@code api}, {@code stream}, {@code format}), checksummed snapshot exports ({@code export}) and the Kafka topic of
 * new pairs ({@code kafka}).
 */
package dev.ufp.bridge;
