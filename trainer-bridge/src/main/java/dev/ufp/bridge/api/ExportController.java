package dev.ufp.bridge.api;

import dev.ufp.bridge.export.ExportManifest;
import dev.ufp.bridge.export.ExportResult;
import dev.ufp.bridge.export.SnapshotExporter;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.mining.dataset.DatasetManifest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/datasets/{id}/exports}: role {@code trainer}; writes a snapshot under the export root and answers
 * its {@code manifest.json} (201 when written now, 200 when the same export already existed).
 */
@RestController
@RequestMapping("/v1/datasets")
class ExportController {

    private final TenantDatasets datasets;
    private final SnapshotExporter exporter;

    ExportController(TenantDatasets datasets, SnapshotExporter exporter) {
        this.datasets = datasets;
        this.exporter = exporter;
    }

    @PostMapping("/{datasetId}/exports")
    ResponseEntity<ExportManifest> export(Caller caller, @PathVariable String datasetId,
                                          @RequestParam MultiValueMap<String, String> params) {
        DatasetManifest dataset = datasets.owned(caller, datasetId);
        StreamQuery.ExportQuery query = StreamQuery.export(params);
        ExportResult result = exporter.export(dataset, query.formats(), query.options(), query.filter());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.manifest());
    }
}
