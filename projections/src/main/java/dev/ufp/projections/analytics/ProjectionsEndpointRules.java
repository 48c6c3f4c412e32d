package dev.ufp.projections.analytics;

import dev.ufp.ingestion.tenancy.EndpointRules;
import dev.ufp.ingestion.tenancy.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the projections' endpoints: analysts read their tenant; rebuild and sweep span every tenant. */
@Configuration(proxyBeanMethods = false)
class ProjectionsEndpointRules {

    @Bean
    EndpointRules projectionsRules() {
        return rules -> rules
                .requestMatchers("/v1/analytics/**").hasRole(Role.ANALYST.name())
                .requestMatchers("/v1/admin/projections/**").hasRole(EndpointRules.PLATFORM_ADMIN);
    }
}
