package dev.ufp.ingestion.tenancy;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.List;

/**
 * A bearer API key: before authentication it holds the presented key, after it the {@link Caller} with one
 * {@code ROLE_<role>} authority per role (and {@code ROLE_PLATFORM_ADMIN} for the bootstrap key); the secret is
 * dropped once resolved. {@link #toString()} never shows it.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey, Caller caller, List<GrantedAuthority> authorities) {
        super(authorities);
        this.presentedKey = presentedKey;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, List.of());
    }

    static ApiKeyAuthentication of(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (caller.platformAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + EndpointRules.PLATFORM_ADMIN));
        }
        return new ApiKeyAuthentication(null, caller, authorities);
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    /** The {@link Caller} once authenticated, null before. */
    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.keyId();
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[" + (caller == null ? "unresolved" : caller.keyId() + " of " + caller.tenant()
                + " " + caller.roles()) + "]";
    }
}
