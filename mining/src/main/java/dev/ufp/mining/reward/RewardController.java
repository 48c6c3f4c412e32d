package dev.ufp.mining.reward;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/reward/*}, always the caller's own tenant: scoring (roles {@code trainer} or {@code analyst}), training
 * jobs (role {@code trainer}), model versions with their evaluation reports and artifacts.
 */
@RestController
@RequestMapping("/v1/reward")
class RewardController {

    private final RewardScorer scorer;
    private final RewardJobs jobs;
    private final ModelRegistry registry;
    private final DatasetStore datasets;

    RewardController(RewardScorer scorer, RewardJobs jobs, ModelRegistry registry, DatasetStore datasets) {
        this.scorer = scorer;
        this.jobs = jobs;
        this.registry = registry;
        this.datasets = datasets;
    }

    @PostMapping("/score")
    Map<String, Object> score(Caller caller, @RequestBody(required = false) RewardRequests.ScoreRequest request) {
        List<RewardInput> inputs = RewardRequests.inputs(request);
        ScoreMode mode = RewardRequests.mode(request.score());
        RewardScorer.Scored scored = scorer.score(caller.tenant(), request.model(), inputs, mode)
                .orElseThrow(() -> ApiProblem.notFound(request.model() == null
                        ? "tenant " + caller.tenant() + " has no reward model yet; train one with POST /v1/reward/models"
                        : "no reward model " + request.model() + " for tenant " + caller.tenant()));
        return Map.of("model", scored.model(), "score", mode.wireName(), "scores", scored.scores());
    }

    @PostMapping("/models")
    ResponseEntity<JobStatus> train(Caller caller, @RequestBody(required = false) TrainingRequest request) {
        TrainingConfig config = RewardRequests.config(request);
        String dataset = request == null ? null : request.dataset();
        if (dataset != null && datasets.manifest(caller.tenant(), dataset).isEmpty()) {
            throw ApiProblem.notFound("no dataset version " + dataset + " for tenant " + caller.tenant());
        }
        JobStatus job = jobs.submit(caller.tenant(), config, dataset);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/v1/reward/jobs/" + job.id())).body(job);
    }

    @GetMapping("/jobs/{id}")
    JobStatus job(Caller caller, @PathVariable String id) {
        return jobs.status(caller.tenant(), id).orElseThrow(() -> ApiProblem.notFound("no training job " + id));
    }

    @GetMapping("/models")
    Map<String, Object> models(Caller caller) {
        return Map.of("models", registry.list(caller.tenant()));
    }

    @GetMapping("/models/{id}")
    RewardModelVersion model(Caller caller, @PathVariable String id) {
        return registry.get(caller.tenant(), id).orElseThrow(() -> notFound(caller, id));
    }

    @GetMapping("/models/{id}/artifact")
    ResponseEntity<byte[]> artifact(Caller caller, @PathVariable String id) {
        byte[] zip = registry.artifact(caller.tenant(), id).orElseThrow(() -> notFound(caller, id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + ".zip")
                        .build().toString())
                .body(zip);
    }

    private static ApiProblem notFound(Caller caller, String id) {
        return ApiProblem.notFound("no reward model " + id + " for tenant " + caller.tenant());
    }
}
