package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion log of one bulk phase (events done so far, at what time), shared by its worker threads; gives the
 * overall rate and the rate of each consecutive window of events, so a slowdown as the store grows shows.
 */
final class Progress {

    private final long startNanos = System.nanoTime();
    private final List<long[]> marks = new ArrayList<>();
    private long done;
    private long endNanos;

    synchronized void completed(int events) {
        done += events;
        endNanos = System.nanoTime();
        marks.add(new long[] {done, endNanos});
    }

    synchronized long done() {
        return done;
    }

    synchronized double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    synchronized double rate() {
        return done / seconds();
    }

    /** Events per second in each window of {@code window} events (the last window may be shorter). */
    synchronized List<Double> windowRates(long window) {
        return windowSpans(window).stream().map(w -> (w[1] - w[0]) / ((w[3] - w[2]) / 1e9)).toList();
    }

    /** Each window as {fromEvents, toEvents, fromNanos, toNanos}, cut at the first batch reaching its end. */
    synchronized List<long[]> windowSpans(long window) {
        List<long[]> spans = new ArrayList<>();
        long fromCount = 0;
        long fromNanos = startNanos;
        long boundary = window;
        for (int i = 0; i < marks.size(); i++) {
            long[] mark = marks.get(i);
            if (mark[0] >= boundary || i == marks.size() - 1) {
                spans.add(new long[] {fromCount, mark[0], fromNanos, mark[1]});
                fromCount = mark[0];
                fromNanos = mark[1];
                while (boundary <= mark[0]) {
                    boundary += window;
                }
            }
        }
        return spans;
    }

    /** Rate of the first {@code window} events and of the last {@code window} events, as measured. */
    synchronized double[] firstAndLast(long window) {
        return new double[] {rateBetween(0, window), rateBetween(Math.max(0, done - window), done)};
    }

    private double rateBetween(long fromEvents, long toEvents) {
        long[] from = fromEvents == 0 ? new long[] {0, startNanos} : firstReaching(fromEvents);
        long[] to = firstReaching(toEvents);
        return (to[0] - from[0]) / ((to[1] - from[1]) / 1e9);
    }

    private long[] firstReaching(long count) {
        for (long[] mark : marks) {
            if (mark[0] >= count) {
                return mark;
            }
        }
        return marks.get(marks.size() - 1);
    }
}
