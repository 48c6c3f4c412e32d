package dev.ufp.bridge.export;

/** An export and whether this call wrote it (false: the same export already existed and is returned as it is). */
public record ExportResult(ExportManifest manifest, boolean created) {
}
