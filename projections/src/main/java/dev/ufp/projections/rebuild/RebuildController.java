package dev.ufp.projections.rebuild;

import dev.ufp.ingestion.problem.ApiProblem;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /v1/admin/projections/rebuild} starts a rebuild (202), {@code GET} shows its progress. Rebuilding
 * touches every tenant's documents, so it takes the platform's bootstrap admin key.
 */
@RestController
@RequestMapping("/v1/admin/projections/rebuild")
class RebuildController {

    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        return rebuilds.start().map(s -> ResponseEntity.status(HttpStatus.ACCEPTED).body(s))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "Conflict",
                        "a rebuild is already running; follow it at GET /v1/admin/projections/rebuild", List.of()));
    }

    @GetMapping
    RebuildStatus status() {
        return rebuilds.status();
    }

    /** Elasticsearch away: the rebuild cannot start (or report) now; a 503 to retry, never a 500. */
    @ExceptionHandler({UncheckedIOException.class, ElasticsearchException.class})
    ResponseEntity<ProblemDetail> elasticsearchUnavailable(RuntimeException e) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "projections-unavailable", "Service unavailable",
                "Elasticsearch cannot be reached right now (" + e.getMessage() + "); retry when GET /_cluster/health "
                        + "answers", List.of()).toResponse();
    }
}
