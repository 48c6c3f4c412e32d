package dev.ufp.projections.elastic;

import java.util.List;

/** The three indices a projection writes — either the aliases, or one generation's concrete indices. */
public record IndexSet(String responses, String signals, String conversations) {

    public List<String> all() {
        return List.of(responses, signals, conversations);
    }
}
