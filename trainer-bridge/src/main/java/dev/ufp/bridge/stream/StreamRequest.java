package dev.ufp.bridge.stream;

import dev.ufp.bridge.format.FormatOptions;
import dev.ufp.mining.dataset.RowFilter;

/**
 * One read of a dataset version.
 *
 * @param after the position of the last row already received (null: from the start)
 * @param limit at most this many rows (0: all)
 */
public record StreamRequest(String datasetId, RowFilter filter, FormatOptions options, Position after, long limit) {

    public StreamRequest withOptions(FormatOptions other) {
        return new StreamRequest(datasetId, filter, other, after, limit);
    }

    public StreamRequest withFilter(RowFilter other) {
        return new StreamRequest(datasetId, other, options, after, limit);
    }
}
