package dev.ufp.ingestion.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The largest request body accepted: {@code feedback.http.max-body-size} for every path, unless a pattern of
 * {@code feedback.http.max-body-sizes} (Spring path patterns, e.g. {@code "[/v1/reward/score]": 16MB}; each module
 * declares its own in its defaults) matches the path; the most specific matching pattern wins.
 */
@ConfigurationProperties("feedback.http")
record BodyLimits(DataSize maxBodySize, Map<String, DataSize> maxBodySizes) {

    BodyLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        maxBodySizes = maxBodySizes == null ? Map.of() : new LinkedHashMap<>(maxBodySizes);
    }

    /** The limit, in bytes, for a request to this path (without the context path). */
    long forPath(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns().stream().filter(p -> p.pattern().matches(container))
                .sorted((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()))
                .findFirst().map(p -> p.limit().toBytes()).orElse(maxBodySize.toBytes());
    }

    private List<Limit> patterns() {
        return maxBodySizes.entrySet().stream()
                .map(e -> new Limit(PathPatternParser.defaultInstance.parse(e.getKey()), e.getValue())).toList();
    }

    private record Limit(PathPattern pattern, DataSize limit) {
    }
}
