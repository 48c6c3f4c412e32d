package dev.ufp.ingestion.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Spring Security's refusals as RFC 9457 problem details: 401 naming the header, 403 naming the roles needed,
 * 400 for a request the firewall rejects (e.g. {@code ;} in the path). Never echoes a presented key.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ObjectMapper objectMapper;

    SecurityProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = e instanceof BadCredentialsException ? e.getMessage()
                : "no credentials: " + BearerKeyConverter.HOW;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, ApiProblem.unauthorized(detail, new FieldViolation("Authorization", null,
                "Bearer <key>", "the request header that carries the API key")));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication instanceof ApiKeyAuthentication key && key.getPrincipal() != null
                ? "key " + key.getPrincipal().keyId() + " has " + wire(key.getPrincipal().roles().stream()
                .map(Role::name).toList())
                : "the caller has none";
        String needed = e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision
                ? "this operation needs one of the roles " + wire(decision.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList())
                : "no role may call " + request.getMethod() + " " + request.getRequestURI();
        write(request, response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                needed + "; " + who, List.of(new FieldViolation("Authorization", null, needed.replace(
                "this operation needs ", ""), "the key's roles"))));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        boolean url = e.getMessage() != null && e.getMessage().contains("URL");
        // the firewall's own message may quote a header value (a key): only the path is echoed
        write(request, response, ApiProblem.badRequest("rejected-request", url
                        ? "the request path holds a character or sequence that is not allowed (';', '//', '%2F', "
                        + "'%25', '..', a backslash or a control character)"
                        : "a request header holds a character that is not allowed (control characters, non-ISO-8859-1)",
                new FieldViolation(url ? "path" : "headers", url ? FieldViolation.echo(request.getRequestURI()) : null,
                        "a normalised path of printable characters", "rejected by the HTTP firewall")));
    }

    /** Role names as they are issued: {@code [trainer, analyst]}; the bootstrap role spelled out. */
    private static String wire(List<String> authorities) {
        return authorities.stream()
                .map(a -> a.startsWith(ROLE_PREFIX) ? a.substring(ROLE_PREFIX.length()) : a)
                .map(a -> a.equals(EndpointRules.PLATFORM_ADMIN) ? "the bootstrap admin key (feedback.admin-key)"
                        : a.toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        ProblemDetail body = problem.toProblemDetail();
        try {
            body.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall rejected may not even be a URI: the problem goes without an instance
        }
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
