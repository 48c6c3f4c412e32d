package dev.ufp.bridge.export;

/** One JSONL file of an export, relative to the export directory, with what a loader can check. */
public record ExportedFile(String path, String format, String split, long rows, long bytes, String sha256) {
}
