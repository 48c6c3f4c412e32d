package dev.ufp.ingestion.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Security for every endpoint: a bearer API key authenticates (stateless, no session, no CSRF since no
 * cookie authenticates), each module's {@link EndpointRules} say which roles may call what, the health probes are
 * open (without details), the rest of the actuator needs an {@code operator} key or the bootstrap admin key, the
 * OpenAPI document and Swagger UI any valid key; every other {@code /v1/} path is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyAuthenticationProvider provider,
                                    ObjectProvider<EndpointRules> moduleRules, ObjectMapper objectMapper)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(objectMapper);
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(provider), new BearerKeyConverter());
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                    "/actuator/health/readiness").permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAnyRole(Role.OPERATOR.name(), EndpointRules.PLATFORM_ADMIN);
                    moduleRules.orderedStream().forEach(module -> module.apply(rules));
                    rules.requestMatchers("/v1/**").denyAll()
                            .anyRequest().authenticated();
                });
        return http.build();
    }

    /** A request the firewall rejects ({@code ;} or {@code //} in the path, …) is a 400 problem, not a 500. */
    @Bean
    WebSecurityCustomizer firewallProblems(ObjectMapper objectMapper) {
        return web -> web.requestRejectedHandler(new SecurityProblems(objectMapper));
    }

    /** The ingestion module's own endpoints. */
    @Bean
    EndpointRules ingestionEndpointRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/v1/events").hasRole(Role.INGEST.name())
                .requestMatchers(HttpMethod.GET, "/v1/conversations/*/events")
                .hasAnyRole(EndpointRules.roles(Role.ANALYST, Role.ADMIN))
                .requestMatchers("/v1/admin/keys", "/v1/admin/keys/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/v1/admin/dead-letters", "/v1/admin/dead-letters/**").hasRole(Role.ADMIN.name());
    }
}
