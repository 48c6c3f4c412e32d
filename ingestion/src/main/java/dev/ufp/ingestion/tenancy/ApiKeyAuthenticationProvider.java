package dev.ufp.ingestion.tenancy;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Resolves a presented bearer key through {@link KeyAuthenticator} (hash lookup; revocation takes effect at once). */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String UNKNOWN_KEY = "the bearer key is unknown or revoked";

    private final KeyAuthenticator keys;

    ApiKeyAuthenticationProvider(KeyAuthenticator keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = (String) authentication.getCredentials();
        return keys.resolve(presented).map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException(UNKNOWN_KEY));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
