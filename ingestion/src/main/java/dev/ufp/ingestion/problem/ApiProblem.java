package dev.ufp.ingestion.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A client-fixable (4xx, 429 with {@code Retry-After}) or service-side (503) problem, rendered as {@code application/problem+json}. */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://feedback-platform.dev/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldViolation> violations;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations) {
        this(status, type, title, detail, violations, status == HttpStatus.SERVICE_UNAVAILABLE
                ? Duration.ofSeconds(5) : null);
    }

    private ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations,
                       Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** 429: a limit on work in progress is reached; sent again after {@code retryAfter} it may succeed. */
    public static ApiProblem tooManyRequests(String type, String detail, FieldViolation violation,
                                             Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, type, "Too many requests", detail, List.of(violation),
                retryAfter);
    }

    public static ApiProblem badRequest(String type, String detail, FieldViolation violation) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Bad request", detail, List.of(violation));
    }

    public static ApiProblem tooLarge(String detail, FieldViolation violation) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Content too large", detail, List.of(violation));
    }

    public static ApiProblem unauthorized(String detail, FieldViolation violation) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of(violation));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem as a response, with the headers its status calls for. */
    public ResponseEntity<ProblemDetail> toResponse() {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(toProblemDetail());
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }
}
