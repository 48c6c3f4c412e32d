package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.bridge.export.SnapshotExporter;
import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshot exports: JSONL per format and split plus manifest.json, checksummed, idempotent, inside the root. */
class ExportTest extends BridgeTestSupport {

    @Autowired
    SnapshotExporter exporter;

    @Test
    void anExportHoldsTrainAndTestFilesPerFormatWithCountsAndChecksumsInItsManifest() throws Exception {
        String key = issueKey("export", "trainer");
        DatasetManifest dataset = save("export", "prefs", 80, 20);
        String path = "/v1/datasets/" + dataset.datasetId() + "/exports?format=trl,kto&format=openrlhf"
                + "&minStrength=0.1&messages=true";
        HttpResponse<byte[]> created = send(key, "POST", path);
        assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
        JsonNode manifest = json(created);
        Path dir = Path.of(manifest.get("directory").asText());
        assertThat(dir.toAbsolutePath().normalize()).startsWith(exporter.root());
        assertThat(dir.getParent().getParent().getFileName().toString()).isEqualTo("export");
        assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("dataset").get("datasetId").asText()).isEqualTo(dataset.datasetId());
        assertThat(manifest.get("files")).hasSize(6);
        JsonNode fromDisk = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(fromDisk).isEqualTo(manifest);

        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(file.get("path").asText()));
            assertThat(sha256(bytes)).isEqualTo(file.get("sha256").asText());
            assertThat((long) lines(bytes).size()).isEqualTo(file.get("rows").asLong());
            assertThat((long) bytes.length).isEqualTo(file.get("bytes").asLong());
            // the export is the stream with the same parameters, split by split
            String query = "format=" + file.get("format").asText() + "&split=" + file.get("split").asText()
                    + "&minStrength=0.1" + (file.get("format").asText().equals("trl") ? "" : "&messages=true");
            assertThat(bytes).isEqualTo(get(key, "/v1/datasets/" + dataset.datasetId() + "/pairs?" + query).body());
        }
        assertThat(manifest.get("dataFiles").get("kto").get("train").asText())
                .isEqualTo(dir.resolve("kto/train.jsonl").toString());
        assertThat(manifest.at("/files/0/rows").asLong() + manifest.at("/files/1/rows").asLong())
                .isEqualTo(80 - countWeak(key, dataset));

        HttpResponse<byte[]> again = send(key, "POST", path);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again)).isEqualTo(manifest);
        try (var siblings = Files.list(dir.getParent())) {
            assertThat(siblings.filter(p -> p.getFileName().toString().startsWith(".tmp"))).isEmpty();
        }
    }

    private long countWeak(String key, DatasetManifest dataset) throws Exception {
        long all = json(get(key, "/v1/datasets/" + dataset.datasetId() + "/checksum?format=trl")).get("rows").asLong();
        long strong = json(get(key, "/v1/datasets/" + dataset.datasetId() + "/checksum?format=trl&minStrength=0.1"))
                .get("rows").asLong();
        return all - strong;
    }
}
