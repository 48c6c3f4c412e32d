package dev.ufp.bridge.stream;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes JSONL lines (one object, then {@code \n}) up to a limit, adding the metadata fields when asked, and
 * notices when a line beyond the limit exists (the page has more).
 */
final class Emitter {

    /** The format-specific fields of one line. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonGenerator g;
    private final long limit;
    private final boolean meta;
    private long rows;
    private Position last;
    private boolean more;

    Emitter(JsonGenerator g, long limit, boolean meta, Position start) {
        this.g = g;
        this.limit = limit;
        this.meta = meta;
        this.last = start;
    }

    /** Whether no further line will be written. */
    boolean done() {
        return more;
    }

    /** Lines still wanted, plus one to tell whether more follow; 0 when unlimited. */
    long wanted() {
        return limit == 0 ? 0 : limit - rows + 1;
    }

    void line(Position position, String idField, String id, double strength, Fields fields) {
        if (more) {
            return;
        }
        if (limit > 0 && rows == limit) {
            more = true;
            return;
        }
        try {
            g.writeStartObject();
            fields.write(g);
            if (meta) {
                g.writeStringField(idField, id);
                g.writeNumberField("strength", strength);
                g.writeStringField("_cursor", Cursor.encode(position));
            }
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        last = position;
    }

    long rows() {
        return rows;
    }

    Position last() {
        return last;
    }

    boolean more() {
        return more;
    }
}
