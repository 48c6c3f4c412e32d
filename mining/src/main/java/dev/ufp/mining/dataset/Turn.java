package dev.ufp.mining.dataset;

/** One earlier message of the conversation a pair's prompt continues: role {@code user} or {@code assistant}. */
public record Turn(String role, String content) {
}
