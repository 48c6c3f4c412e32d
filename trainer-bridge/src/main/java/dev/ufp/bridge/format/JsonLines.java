package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The one JSON factory rows are written with: private, so the bytes (and their checksums) never depend on the
 * application's ObjectMapper settings; the target stream is never closed by the generator; no separator between
 * root values (lines end with {@code \n}, written by the caller).
 */
public final class JsonLines {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonLines() {
    }

    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setRootValueSeparator(null);
        return g;
    }
}
