package dev.ufp.mining.reward;

import dev.ufp.ingestion.tenancy.EndpointRules;
import dev.ufp.ingestion.tenancy.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call mining's endpoints: trainers run jobs and fetch artifacts; analysts may also score and list models. */
@Configuration(proxyBeanMethods = false)
class RewardEndpointRules {

    @Bean
    EndpointRules miningRules() {
        String[] scoring = EndpointRules.roles(Role.TRAINER, Role.ANALYST);
        return rules -> rules
                .requestMatchers("/v1/mining/jobs", "/v1/mining/jobs/**").hasRole(Role.TRAINER.name())
                .requestMatchers(HttpMethod.POST, "/v1/reward/score").hasAnyRole(scoring)
                .requestMatchers(HttpMethod.POST, "/v1/reward/models").hasRole(Role.TRAINER.name())
                .requestMatchers(HttpMethod.GET, "/v1/reward/jobs/*").hasRole(Role.TRAINER.name())
                .requestMatchers(HttpMethod.GET, "/v1/reward/models/*/artifact").hasRole(Role.TRAINER.name())
                .requestMatchers(HttpMethod.GET, "/v1/reward/models", "/v1/reward/models/*").hasAnyRole(scoring);
    }
}
