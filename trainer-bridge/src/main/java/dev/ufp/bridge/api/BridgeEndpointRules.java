package dev.ufp.bridge.api;

import dev.ufp.ingestion.tenancy.EndpointRules;
import dev.ufp.ingestion.tenancy.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the trainer bridge: trainers, on their own tenant's datasets. */
@Configuration(proxyBeanMethods = false)
class BridgeEndpointRules {

    @Bean
    EndpointRules bridgeRules() {
        return rules -> rules.requestMatchers("/v1/datasets", "/v1/datasets/**").hasRole(Role.TRAINER.name());
    }
}
