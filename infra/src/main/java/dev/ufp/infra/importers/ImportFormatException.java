package dev.ufp.infra.importers;

import java.io.IOException;
import java.nio.file.Path;

/** A source record the importer cannot read: says the file, the line, the field and the value. */
public final class ImportFormatException extends IOException {

    private final long line;

    public ImportFormatException(Path file, long line, String field, Object value, String problem) {
        super(file + ":" + line + ": " + (field == null ? "" : "field '" + field + "'"
                + (value == null ? "" : " = " + abbreviate(String.valueOf(value))) + ": ") + problem);
        this.line = line;
    }

    public long line() {
        return line;
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? "'" + value.substring(0, 80) + "…'" : "'" + value + "'";
    }
}
