package dev.ufp.projections.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * FLR-style prototype follow-ups: per category, sentences a satisfied user would send next and sentences a
 * dissatisfied one would, plus neutral continuations used only to calibrate the NEUTRAL margin.
 */
record FollowUpPrototypes(String version, List<Category> categories, List<String> neutralAnchors) {

    static final String DEFAULT_RESOURCE = "/followup/prototypes-v1.json";

    record Category(String name, List<String> positive, List<String> negative) {
        Category {
            positive = List.copyOf(positive);
            negative = List.copyOf(negative);
        }
    }

    FollowUpPrototypes {
        categories = List.copyOf(categories);
        neutralAnchors = List.copyOf(neutralAnchors);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("no prototype categories");
        }
    }

    static FollowUpPrototypes loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    static FollowUpPrototypes load(String classpathResource) {
        try (InputStream in = FollowUpPrototypes.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("prototype resource not found: " + classpathResource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Category> categories = new ArrayList<>();
            for (JsonNode c : root.path("categories")) {
                categories.add(new Category(c.path("name").asText(), texts(c.path("positive")),
                        texts(c.path("negative"))));
            }
            return new FollowUpPrototypes(root.path("version").asText(), categories,
                    texts(root.path("neutralAnchors")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathResource, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
