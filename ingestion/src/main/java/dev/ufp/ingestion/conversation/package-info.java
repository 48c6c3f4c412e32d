/** The write model: the {@code Conversation} aggregate and the per-conversation invariants it enforces. */
package dev.ufp.ingestion.conversation;
