package dev.ufp.ingestion.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body over its path's {@link BodyLimits limit} with 413 problem details: at once when the declared
 * {@code Content-Length} is over it (nothing is read), else as soon as the bytes read pass it (a chunked body is
 * never read further than the limit, and never held whole by this filter). Runs after Spring Security, so an
 * unauthenticated caller learns nothing of the limits.
 */
@Component
@EnableConfigurationProperties(BodyLimits.class)
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final ObjectMapper objectMapper;

    BodyLimitFilter(BodyLimits limits, ObjectMapper objectMapper) {
        this.limits = limits;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limits.forPath(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > max) {
            ApiProblem problem = tooLarge(declared, max);
            response.setStatus(problem.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem.toProblemDetail());
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, max), response);
    }

    /** The 413 problem for a body of {@code size} bytes (or more) over {@code max}. */
    static ApiProblem tooLarge(long size, long max) {
        return ApiProblem.tooLarge("the body exceeds " + max + " bytes",
                new FieldViolation("body", size > max ? "more than " + max + " bytes" : size,
                        "at most " + max + " bytes", "send a smaller body (split a batch)"));
    }
}
