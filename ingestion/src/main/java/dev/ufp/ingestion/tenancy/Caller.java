package dev.ufp.ingestion.tenancy;

import dev.ufp.ingestion.problem.ApiProblem;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling: the key's id (never its secret), its tenant and roles. Controllers take it as a parameter.
 *
 * @param platformAdmin true only for the bootstrap admin key, which may manage keys of every tenant
 */
public record Caller(String keyId, String tenant, Set<Role> roles, boolean platformAdmin) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Throws 403 unless the caller has at least one of the roles. */
    public void require(Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw ApiProblem.forbidden("this operation needs one of the roles " + Arrays.toString(anyOf).toLowerCase()
                    + "; key " + keyId + " has " + roles);
        }
    }
}
