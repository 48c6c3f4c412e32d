package dev.ufp.bridge.export;

import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.RowFilter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of an export directory.
 *
 * @param dataFiles per format, the {@code data_files} argument of {@code datasets.load_dataset("json", …)}
 */
public record ExportManifest(int schemaVersion, String exportId, Instant createdAt, String directory,
                             DatasetManifest dataset, RowFilter filter, Map<String, Object> options,
                             List<ExportedFile> files, Map<String, Map<String, String>> dataFiles) {

    public static final int SCHEMA_VERSION = 1;
}
