package dev.ufp.ingestion.api;

import dev.ufp.ingestion.intake.IngestProperties;
import dev.ufp.ingestion.intake.IngestService;
import dev.ufp.ingestion.intake.IngestSource;
import dev.ufp.ingestion.intake.ItemResult;
import dev.ufp.ingestion.intake.StoreUnavailableException;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
class EventsController {

    private static final String EXAMPLE = """
            {"events":[{"eventId":"e1","type":"ConversationStarted","conversationId":"c1",
            "occurredAt":"2026-11-29T10:00:00Z","userId":"user-42","attributes":{"cohort":"beta"}}]}""";

    private final IngestService ingest;
    private final BatchBodyReader reader;

    EventsController(IngestService ingest, BatchBodyReader reader) {
        this.ingest = ingest;
        this.reader = reader;
    }

    /** Per-item outcomes, in request order, and their totals. */
    record BatchResponse(List<ItemResult> results, long accepted, long duplicate, long rejected) {

        static BatchResponse of(List<ItemResult> results) {
            return new BatchResponse(results, count(results, ItemResult.Status.ACCEPTED),
                    count(results, ItemResult.Status.DUPLICATE), count(results, ItemResult.Status.REJECTED));
        }

        private static long count(List<ItemResult> results, ItemResult.Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }
    }

    @Operation(summary = "Submit a batch of interaction events (role: ingest)",
            description = "200 when every event is accepted or a duplicate, 207 when some are rejected; "
                    + "400/413 with nothing stored for a malformed or oversized body.",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(value = EXAMPLE))))
    @PostMapping(path = "/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResponse> submit(Caller caller, HttpServletRequest request) throws IOException {
        IngestProperties limits = ingest.limits();
        var items = reader.read(request.getInputStream(), limits.maxBatchEvents());
        List<ItemResult> results = ingest.ingest(new IngestSource(caller.tenant(), caller.keyId(), "http"), items);
        BatchResponse body = BatchResponse.of(results);
        return ResponseEntity.status(body.rejected() == 0 ? HttpStatus.OK : HttpStatus.MULTI_STATUS).body(body);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store unavailable",
                e.getMessage() + "; events reported before this one were stored, re-send the whole batch "
                        + "(stored events come back as duplicates)", List.of()).toResponse();
    }
}
