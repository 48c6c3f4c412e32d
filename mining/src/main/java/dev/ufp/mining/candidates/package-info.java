/**
 * What mining and reward-model training read: every projected assistant response of a tenant, with its prompt,
 * the conversation context before it, its signal score, evidence and provenance ({@link
 * dev.ufp.mining.candidates.CandidateResponse}), scanned from {@code feedback-responses} by
 * {@link dev.ufp.mining.candidates.ResponseSource}.
 */
package dev.ufp.mining.candidates;
