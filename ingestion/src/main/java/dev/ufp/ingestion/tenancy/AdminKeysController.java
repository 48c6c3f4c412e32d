package dev.ufp.ingestion.tenancy;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Key management. The bootstrap admin ({@code FEEDBACK_ADMIN_KEY}) manages keys of every tenant; a tenant's own
 * admin keys manage that tenant's keys only.
 */
@RestController
@RequestMapping("/v1/admin/keys")
class AdminKeysController {

    private final ApiKeys apiKeys;

    AdminKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateKeyRequest(String tenant, List<String> roles) {
    }

    @PostMapping
    ResponseEntity<ApiKeys.IssuedKey> create(Caller caller, @RequestBody CreateKeyRequest request) {
        String tenant = request.tenant();
        if (!Tenants.valid(tenant)) {
            throw ApiProblem.badRequest("invalid-tenant", "tenant must match " + Tenants.ID.pattern(),
                    new FieldViolation("tenant", FieldViolation.echo(tenant), Tenants.ID.pattern(),
                            "lower-case letters, digits, '-' and '_', 1 to 64 characters"));
        }
        mayManage(caller, tenant);
        Set<Role> roles = roles(request.roles());
        if (roles.contains(Role.OPERATOR) && !caller.platformAdmin()) {
            throw ApiProblem.forbidden("the operator role reads every tenant's metrics: only the bootstrap admin key "
                    + "issues it; key " + caller.keyId() + " is an admin of tenant " + caller.tenant() + " only");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(apiKeys.issue(tenant, roles));
    }

    @GetMapping
    List<StoredKey> list(Caller caller, @RequestParam(required = false) String tenant) {
        String scope = tenant == null ? caller.tenant() : tenant;
        mayManage(caller, scope);
        return apiKeys.list(scope);
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String keyId) {
        StoredKey key = apiKeys.find(keyId)
                .orElseThrow(() -> ApiProblem.notFound("no key with id " + keyId));
        mayManage(caller, key.tenant());
        apiKeys.revoke(keyId);
        return ResponseEntity.noContent().build();
    }

    private static void mayManage(Caller caller, String tenant) {
        if (!caller.platformAdmin() && !caller.tenant().equals(tenant)) {
            throw ApiProblem.forbidden("key " + caller.keyId() + " administers tenant " + caller.tenant()
                    + " only, not " + tenant);
        }
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiProblem.badRequest("invalid-roles", "a key needs at least one role",
                    new FieldViolation("roles", names, Role.allowed(), "give one or more roles"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                roles.add(Role.fromWire(name));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("invalid-roles", e.getMessage(),
                        new FieldViolation("roles[" + i + "]", FieldViolation.echo(name), Role.allowed(),
                                "unknown role"));
            }
        }
        return roles;
    }
}
