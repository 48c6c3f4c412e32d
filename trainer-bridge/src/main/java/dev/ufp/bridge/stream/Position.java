package dev.ufp.bridge.stream;

/**
 * Where a row of a stream comes from: the dataset row's kind ({@code p} pair, {@code l} label) and {@code seq},
 * and which line of it ({@code part}: 0 for one line per row; 1 = chosen, 2 = rejected when KTO rows are made from
 * pairs). Rows of a version never change, so a position is a stable resume point.
 */
public record Position(char kind, long seq, int part) {

    public static final char PAIR = 'p';
    public static final char LABEL = 'l';

    /** Whether this position is at or before {@code other} within the same kind. */
    boolean notAfter(Position other) {
        return seq < other.seq || (seq == other.seq && part <= other.part);
    }
}
