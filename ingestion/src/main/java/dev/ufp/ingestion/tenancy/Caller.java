package dev.ufp.ingestion.tenancy;

import java.util.Set;

/**
 * Who is calling: the key's id (never its secret), its tenant and roles. Controllers take it as a parameter;
 * which roles may call an endpoint is decided before, by {@link EndpointRules}.
 *
 * @param platformAdmin true only for the bootstrap admin key, which may manage keys of every tenant
 */
public record Caller(String keyId, String tenant, Set<Role> roles, boolean platformAdmin) {

    public Caller {
        roles = Set.copyOf(roles);
    }

}
