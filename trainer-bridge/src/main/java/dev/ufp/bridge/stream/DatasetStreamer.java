package dev.ufp.bridge.stream;

import dev.ufp.bridge.format.JsonLines;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.bridge.format.Format;
import dev.ufp.bridge.format.FormatOptions;
import dev.ufp.bridge.format.PairLayout;
import dev.ufp.bridge.format.UnpairedLayout;
import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a dataset version as JSONL in one format, rows in {@code seq} order (labels before pairs when KTO mixes
 * both), straight from the store's server-side cursor to the output: nothing is buffered beyond Jackson's and the
 * caller's stream buffers, so memory stays flat however large the version. The bytes are deterministic
 * ({@link JsonLines}), so a checksum computed in one pass
 * matches the bytes of any later pass over the same rows.
 */
@Component
public class DatasetStreamer {

    private final DatasetStore store;

    public DatasetStreamer(DatasetStore store) {
        this.store = store;
    }

    /** The kinds of rows a format reads, in stream order. */
    static List<LineSource> plan(FormatOptions options) {
        if (options.format() != Format.KTO) {
            return List.of(new LineSource.Pairs(PairLayout.of(options)));
        }
        UnpairedLayout layout = new UnpairedLayout(options.messages());
        return switch (options.ktoSource()) {
            case LABELS -> List.of(new LineSource.Labels(layout));
            case PAIRS -> List.of(new LineSource.PairHalves(layout));
            case BOTH -> List.of(new LineSource.Labels(layout), new LineSource.PairHalves(layout));
        };
    }

    /** Whether a resume position can belong to a stream of this format. */
    public static boolean accepts(FormatOptions options, Position after) {
        if (after == null) {
            return true;
        }
        for (LineSource source : plan(options)) {
            boolean halves = source instanceof LineSource.PairHalves;
            if (source.kind() == after.kind() && (after.part() > 0) == halves) {
                return true;
            }
        }
        return false;
    }

    /** Writes the request's rows to {@code target} (not closed) and says what was written. */
    public StreamSummary write(StreamRequest request, OutputStream target) {
        HashingOutputStream out = new HashingOutputStream(target);
        try (JsonGenerator g = JsonLines.generator(out)) {
            Emitter emitter = new Emitter(g, request.limit(), request.options().meta(), request.after());
            List<LineSource> plan = plan(request.options());
            int first = startIndex(plan, request.after());
            for (int i = first; i < plan.size() && !emitter.done(); i++) {
                plan.get(i).read(store, request.datasetId(), request.filter(), i == first ? request.after() : null,
                        emitter);
            }
            g.flush();
            return new StreamSummary(emitter.rows(), out.count(), out.sha256(), emitter.last(), emitter.more());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just the summary (rows, checksum, next cursor) — a pass that writes nowhere. */
    public StreamSummary summarize(StreamRequest request) {
        return write(request, OutputStream.nullOutputStream());
    }

    private static int startIndex(List<LineSource> plan, Position after) {
        if (after == null) {
            return 0;
        }
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).kind() == after.kind()) {
                return i;
            }
        }
        throw new IllegalArgumentException("cursor of kind " + after.kind() + " does not belong to this format");
    }
}
