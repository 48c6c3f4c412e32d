package dev.ufp.bridge.stream;

/**
 * What a stream (or page) held.
 *
 * @param rows   lines written
 * @param sha256 hex SHA-256 of exactly the bytes written (before any gzip)
 * @param last   position of the last line written, or the request's start position when none was
 * @param more   whether rows follow beyond the request's limit
 */
public record StreamSummary(long rows, long bytes, String sha256, Position last, boolean more) {

    /** The token to resume after this stream, or null if it started at the beginning and was empty. */
    public String nextCursor() {
        return last == null ? null : Cursor.encode(last);
    }
}
