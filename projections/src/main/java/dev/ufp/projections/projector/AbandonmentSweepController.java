package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.projections.elastic.IndexAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /v1/admin/projections/abandonment-sweep} runs the abandonment sweep now and answers how many
 * responses it marked and every tenant's event-time watermark and cutoff: for a caller (the demo, an operator)
 * that wants the decisions settled after the projection caught up, without waiting for the next scheduled sweep.
 * What it decides depends on the projected events only. It touches every tenant: the bootstrap admin key.
 */
@RestController
class AbandonmentSweepController {

    private final AbandonmentSweep sweep;
    private final IndexAdmin indexAdmin;

    AbandonmentSweepController(AbandonmentSweep sweep, IndexAdmin indexAdmin) {
        this.sweep = sweep;
        this.indexAdmin = indexAdmin;
    }

    @PostMapping("/v1/admin/projections/abandonment-sweep")
    AbandonmentSweep.Result sweep() {
        try {
            indexAdmin.ensureOnce();
            return sweep.sweepWithResult(indexAdmin.aliases());
        } catch (IOException | UncheckedIOException | ElasticsearchException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "projections-unavailable", "Service unavailable",
                    "Elasticsearch could not be swept right now (" + e.getMessage() + "); retry when "
                            + "GET /_cluster/health answers", List.of());
        }
    }
}
