package dev.ufp.ingestion.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <key>}. No header: no authentication (the request is anonymous, and denied
 * wherever a role is needed); any other scheme or an empty key: a bad-credentials failure (401).
 */
final class BearerKeyConverter implements AuthenticationConverter {

    static final String BEARER = "Bearer ";
    static final String HOW = "send 'Authorization: Bearer <key>' with a key issued by POST /v1/admin/keys";

    @Override
    public ApiKeyAuthentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            throw new BadCredentialsException("the Authorization header is not 'Bearer <key>'; " + HOW);
        }
        return ApiKeyAuthentication.presented(header.substring(BEARER.length()).trim());
    }
}
