package dev.ufp.bridge.kafka;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The persisted "published up to version" marker of each dataset (tenant, name) on {@code feedback.pairs.v1}
 * (table {@code pairs_publication}). It only moves forward, and only after the broker acknowledged every new pair
 * of the version, so a crash or a broker outage leaves the version to be published again: at least once.
 */
@Component
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class PublicationMarkers {

    private final JdbcTemplate jdbc;

    PublicationMarkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version published, 0 when none was. */
    int publishedVersion(String tenant, String name) {
        List<Integer> version = jdbc.queryForList("select published_version from pairs_publication"
                + " where tenant_id = ? and name = ?", Integer.class, tenant, name);
        return version.isEmpty() ? 0 : version.get(0);
    }

    void markPublished(String tenant, String name, int version) {
        Timestamp now = Timestamp.from(Instant.now());
        String moveForward = "update pairs_publication set published_version = ?, published_at = ?"
                + " where tenant_id = ? and name = ? and published_version < ?";
        if (jdbc.update(moveForward, version, now, tenant, name, version) > 0) {
            return;
        }
        try {
            jdbc.update("insert into pairs_publication (tenant_id, name, published_version, published_at)"
                    + " values (?, ?, ?, ?)", tenant, name, version, now);
        } catch (DuplicateKeyException anotherNode) {
            jdbc.update(moveForward, version, now, tenant, name, version);
        }
    }
}
