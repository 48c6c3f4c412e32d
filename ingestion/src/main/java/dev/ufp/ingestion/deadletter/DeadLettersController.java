package dev.ufp.ingestion.deadletter;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import dev.ufp.ingestion.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * What the processors could not apply. The bootstrap admin sees and handles every tenant's letters; a tenant's
 * admin key only its own tenant's (another tenant's sequence answers 404, like an unknown one).
 */
@RestController
@RequestMapping("/v1/admin/dead-letters")
class DeadLettersController {

    static final int LIST_MAX = 1000;

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record ProcessorLetters(String processor, long sequences, long letters, List<DeadLetters.Sequence> items) {
    }

    @GetMapping
    Map<String, List<ProcessorLetters>> list(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw ApiProblem.badRequest("invalid-parameter", "limit must be 1.." + LIST_MAX,
                    new FieldViolation("limit", limit, "1.." + LIST_MAX, "sequences listed per processor"));
        }
        String tenant = scope(caller);
        return Map.of("processors", deadLetters.processors().stream().map(p -> {
            List<DeadLetters.Sequence> items = deadLetters.list(p, tenant, limit);
            return tenant == null
                    ? new ProcessorLetters(p, deadLetters.sequences(p), deadLetters.letters(p), items)
                    : new ProcessorLetters(p, items.size(), items.stream().mapToLong(DeadLetters.Sequence::letters)
                    .sum(), items);
        }).toList());
    }

    /** Retries one sequence ({@code sequence=tenant:conversationId}) or all of the caller's. */
    @PostMapping("/{processor}/retry")
    DeadLetters.RetryOutcome retry(Caller caller, @PathVariable String processor,
                                   @RequestParam(required = false) String sequence) {
        known(processor);
        if (sequence != null) {
            parked(caller, processor, sequence);
        }
        return deadLetters.retry(processor, scope(caller), sequence);
    }

    /** Evicts a sequence: its events will never be applied by this processor (a replay would try again). */
    @DeleteMapping("/{processor}")
    ResponseEntity<Map<String, Long>> evict(Caller caller, @PathVariable String processor,
                                            @RequestParam String sequence) {
        known(processor);
        parked(caller, processor, sequence);
        return ResponseEntity.ok(Map.of("evicted", deadLetters.evict(processor, sequence)));
    }

    private static String scope(Caller caller) {
        return caller.platformAdmin() ? null : caller.tenant();
    }

    private void known(String processor) {
        if (!deadLetters.has(processor)) {
            throw ApiProblem.notFound("no dead-letter queue for processor '" + FieldViolation.echo(processor)
                    + "'; processors with one: " + deadLetters.processors());
        }
    }

    private void parked(Caller caller, String processor, String sequence) {
        if (!DeadLetters.ofTenant(sequence, scope(caller)) || !deadLetters.contains(processor, sequence)) {
            throw ApiProblem.notFound("no parked sequence '" + FieldViolation.echo(sequence) + "' in " + processor
                    + " (a sequence is tenant:conversationId, as GET /v1/admin/dead-letters lists it)");
        }
    }
}
