package dev.ufp.bridge.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ufp.bridge.format.Format;
import dev.ufp.bridge.format.FormatOptions;
import dev.ufp.bridge.stream.DatasetStreamer;
import dev.ufp.bridge.stream.StreamRequest;
import dev.ufp.bridge.stream.StreamSummary;
import dev.ufp.ingestion.tenancy.Tenants;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.RowFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a dataset version to {@code <export-dir>/<tenant>/<datasetId>/<exportId>/}: per format a directory with
 * {@code train.jsonl} and {@code test.jsonl}, and {@code manifest.json} (counts, SHA-256 per file, schema version,
 * the dataset manifest, the {@code data_files} to hand to {@code datasets.load_dataset("json", …)}).
 * <p>
 * The export id is derived from the version's creation time, the formats, options and filters, so the same export
 * requested twice is written once (versions are immutable). Files are written into a temporary sibling directory that is renamed into place
 * atomically: a reader never sees a half-written export. Every path is resolved under the export root and
 * checked to stay inside it.
 */
@Component
public class SnapshotExporter {

    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> SPLITS = List.of("train", "test");

    private final DatasetStreamer streamer;
    private final ObjectMapper json;
    private final Path root;

    public SnapshotExporter(DatasetStreamer streamer, ObjectMapper json,
                            @Value("${feedback.bridge.export-dir:${feedback.home}/exports}") Path root) {
        this.streamer = streamer;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public ExportResult export(DatasetManifest dataset, List<Format> formats, FormatOptions options, RowFilter filter) {
        Map<String, Object> optionsDocument = options(options);
        String exportId = exportId(dataset, formats, optionsDocument, filter);
        Path datasetDir = inside(inside(root, tenantDirectory(dataset.tenant())), datasetDirectory(dataset.datasetId()));
        Path target = inside(datasetDir, exportId);
        try {
            if (Files.exists(target.resolve("manifest.json"))) {
                return new ExportResult(read(target), false);
            }
            Files.createDirectories(datasetDir);
            Path temporary = inside(datasetDir, ".tmp-" + UUID.randomUUID());
            try {
                ExportManifest manifest = write(temporary, target, exportId, dataset, formats, options, filter,
                        optionsDocument);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    return new ExportResult(read(target), false);
                }
                return new ExportResult(manifest, true);
            } finally {
                deleteTree(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("export of " + dataset.datasetId() + " failed: " + e.getMessage(), e);
        }
    }

    private ExportManifest write(Path dir, Path finalDir, String exportId, DatasetManifest dataset,
                                 List<Format> formats, FormatOptions options, RowFilter filter,
                                 Map<String, Object> optionsDocument) throws IOException {
        List<ExportedFile> files = new ArrayList<>();
        Map<String, Map<String, String>> dataFiles = new LinkedHashMap<>();
        for (Format format : formats) {
            Path formatDir = Files.createDirectories(inside(dir, format.wireName()));
            Map<String, String> splits = new LinkedHashMap<>();
            for (String split : SPLITS) {
                RowFilter splitFilter = new RowFilter(split, filter.minStrength(), filter.model(), filter.from(),
                        filter.to());
                StreamRequest request = new StreamRequest(dataset.datasetId(), splitFilter, options.withFormat(format),
                        null, 0);
                StreamSummary summary;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(
                        inside(formatDir, split + ".jsonl")), 256 * 1024)) {
                    summary = streamer.write(request, out);
                }
                String relative = format.wireName() + "/" + split + ".jsonl";
                files.add(new ExportedFile(relative, format.wireName(), split, summary.rows(), summary.bytes(),
                        summary.sha256()));
                splits.put(split, finalDir.resolve(relative).toString());
            }
            dataFiles.put(format.wireName(), splits);
        }
        ExportManifest manifest = new ExportManifest(ExportManifest.SCHEMA_VERSION, exportId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), finalDir.toString(), dataset, filter, optionsDocument,
                files, dataFiles);
        json.writeValue(inside(dir, "manifest.json").toFile(), manifest);
        return manifest;
    }

    private static Map<String, Object> options(FormatOptions options) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", options.meta());
        document.put("kto-source", options.ktoSource().wireName());
        document.put("prompt-key", options.promptKey());
        document.put("chosen-key", options.chosenKey());
        document.put("rejected-key", options.rejectedKey());
        document.put("messages", options.messages());
        return document;
    }

    /**
     * Derived from what the export holds. Dataset ids are derived from tenant, name and version, so after a database
     * reset the same id can name other rows: the version's creation time is part of the export id too, and an export
     * of an earlier incarnation is never served.
     */
    private String exportId(DatasetManifest dataset, List<Format> formats, Map<String, Object> options,
                            RowFilter filter) {
        try {
            String canonical = json.writeValueAsString(List.of(dataset.createdAt().toString(),
                    formats.stream().map(Format::wireName).toList(), options, filter));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "x" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExportManifest read(Path dir) throws IOException {
        return json.readValue(dir.resolve("manifest.json").toFile(), ExportManifest.class);
    }

    private static String tenantDirectory(String tenant) {
        if (!Tenants.valid(tenant)) {
            throw new IllegalArgumentException("not a tenant id: " + tenant);
        }
        return tenant;
    }

    private static String datasetDirectory(String datasetId) {
        if (!DATASET_ID.matcher(datasetId).matches()) {
            throw new IllegalArgumentException("not a dataset id: " + datasetId);
        }
        return datasetId;
    }

    /** {@code parent/name}, refusing anything that would leave {@code parent} (separators, {@code ..}). */
    static Path inside(Path parent, String name) {
        Path child = parent.resolve(name).normalize();
        if (!child.getParent().equals(parent.normalize()) || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("refusing to write outside " + parent + ": " + name);
        }
        return child;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
