package dev.ufp.mining.dataset;

/** A row read back from a dataset version with its position: a cursor resumes after {@code seq}. */
public record StoredRow<T>(long seq, T row) {
}
