package dev.ufp.ingestion.tenancy;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.Arrays;

/**
 * Which roles may call a module's endpoints. Each module declares one bean; {@code SecurityConfiguration} applies
 * them all to the one {@code SecurityFilterChain}. A {@code /v1/} path no bean names is denied to every key.
 */
@FunctionalInterface
public interface EndpointRules {

    /** The role only the bootstrap admin key ({@code feedback.admin-key}) has: operations over every tenant. */
    String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** The Spring Security role names of these roles, for {@code hasAnyRole(...)}. */
    static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
