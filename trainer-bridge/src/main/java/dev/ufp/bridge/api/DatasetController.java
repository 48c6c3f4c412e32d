package dev.ufp.bridge.api;

import dev.ufp.bridge.stream.DatasetStreamer;
import dev.ufp.bridge.stream.StreamRequest;
import dev.ufp.bridge.stream.StreamSummary;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.mining.dataset.DatasetManifest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /v1/datasets}: role {@code trainer}, always the caller's own tenant (another tenant's dataset is a 404).
 * Versions and manifests as JSON; a version's rows as JSONL in a training library's format, resumable and
 * checksummed (see {@link DatasetStreamer} and the README's "Trainer bridge").
 */
@RestController
@RequestMapping("/v1/datasets")
class DatasetController {

    static final String NDJSON = "application/x-ndjson";
    static final String NEXT_CURSOR = "X-Next-Cursor";
    static final String PAGE_SHA256 = "X-Page-Sha256";
    static final String PAGE_ROWS = "X-Page-Rows";
    static final String MORE = "X-More";
    private static final int BUFFER = 64 * 1024;

    private final TenantDatasets datasets;
    private final DatasetStreamer streamer;

    DatasetController(TenantDatasets datasets, DatasetStreamer streamer) {
        this.datasets = datasets;
        this.streamer = streamer;
    }

    @GetMapping
    Map<String, List<DatasetManifest>> list(Caller caller) {
        return Map.of("datasets", datasets.list(caller));
    }

    @GetMapping("/{datasetId}")
    DatasetManifest manifest(Caller caller, @PathVariable String datasetId) {
        return datasets.owned(caller, datasetId);
    }

    /**
     * The rows as JSONL. Without {@code limit}: the whole stream, written as it is read. With {@code limit}: one page,
     * whose headers carry the cursor after its last row, its row count, whether more follow and the SHA-256 of its
     * exact (uncompressed) bytes — computed by a first pass over the immutable rows, so nothing is buffered.
     */
    @GetMapping(value = "/{datasetId}/pairs")
    void pairs(Caller caller, @PathVariable String datasetId, @RequestParam MultiValueMap<String, String> params,
               @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
               HttpServletResponse response) throws IOException {
        datasets.owned(caller, datasetId);
        StreamRequest request = StreamQuery.stream(datasetId, params, Set.of("gzip"));
        boolean gzip = StreamQuery.flag(params, "gzip") || Gzip.accepted(acceptEncoding);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (request.limit() > 0) {
            StreamSummary page = streamer.summarize(request);
            response.setHeader(PAGE_ROWS, Long.toString(page.rows()));
            response.setHeader(PAGE_SHA256, page.sha256());
            response.setHeader(MORE, Boolean.toString(page.more()));
            if (page.nextCursor() != null) {
                response.setHeader(NEXT_CURSOR, page.nextCursor());
            }
        }
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        OutputStream body = response.getOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(body, BUFFER) : new BufferedOutputStream(body, BUFFER)) {
            streamer.write(request, out);
        }
    }

    /** SHA-256 and row count of a stream (or page) with these parameters, so a job can verify what it got. */
    @GetMapping("/{datasetId}/checksum")
    Map<String, Object> checksum(Caller caller, @PathVariable String datasetId,
                                 @RequestParam MultiValueMap<String, String> params) {
        datasets.owned(caller, datasetId);
        StreamRequest request = StreamQuery.stream(datasetId, params, Set.of());
        StreamSummary summary = streamer.summarize(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", datasetId);
        body.put("format", request.options().format().wireName());
        body.put("rows", summary.rows());
        body.put("bytes", summary.bytes());
        body.put("sha256", summary.sha256());
        body.put("nextCursor", summary.nextCursor());
        body.put("more", summary.more());
        return body;
    }
}
