package dev.ufp.mining.jobs;

import dev.ufp.ingestion.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code /v1/mining/jobs}: role {@code trainer}, always the caller's own tenant. */
@RestController
@RequestMapping("/v1/mining/jobs")
class MiningController {

    private final MiningJobs jobs;

    MiningController(MiningJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    ResponseEntity<MiningJob.Snapshot> start(Caller caller, @RequestBody(required = false) MiningRequest request) {
        MiningJob job = jobs.submit(caller.tenant(), request == null ? MiningRequest.defaults() : request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/v1/mining/jobs/" + job.id()))
                .body(job.snapshot());
    }

    @GetMapping("/{id}")
    MiningJob.Snapshot get(Caller caller, @PathVariable String id) {
        return jobs.get(caller.tenant(), id).snapshot();
    }
}
