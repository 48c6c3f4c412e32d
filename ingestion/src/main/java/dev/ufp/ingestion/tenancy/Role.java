package dev.ufp.ingestion.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an API key may do. {@code OPERATOR} reads the actuator (metrics, health details); only the bootstrap admin
 * key issues it.
 */
public enum Role {
    INGEST, ANALYST, TRAINER, ADMIN, OPERATOR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ", "[", "]"));
    }
}
