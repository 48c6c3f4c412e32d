package dev.ufp.projections.analytics;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import dev.ufp.ingestion.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.util.List;

/** Elasticsearch down or its indices missing: the analyst API answers 503 problem details with Retry-After. */
@RestControllerAdvice(assignableTypes = AnalyticsController.class)
class ElasticsearchUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchUnavailableAdvice.class);

    @ExceptionHandler({IOException.class, TransportException.class, ElasticsearchException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Analytics query failed: {}", e.toString());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "projections-unavailable", "Service unavailable",
                "the Elasticsearch projections cannot be queried right now (" + e.getMessage() + "); retry later",
                List.of()).toResponse();
    }
}
