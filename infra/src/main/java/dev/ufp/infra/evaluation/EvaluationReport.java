package dev.ufp.infra.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluation's printed report: titled sections in order. Each measurement adds its own section (import,
 * delivery, projections, one per metric), so a new one (e.g. mined pairs against the ground truth) is one more
 * {@link #section(String)}.
 */
public final class EvaluationReport {

    /** One titled block of lines. */
    public static final class Section {
        private final String title;
        private final List<String> lines = new ArrayList<>();

        private Section(String title) {
            this.title = title;
        }

        public Section line(String format, Object... args) {
            lines.add(String.format(format, args));
            return this;
        }

        public Section counts(Map<String, ? extends Number> counts) {
            counts.forEach((name, n) -> line("  %-58s %,8d", name, n.longValue()));
            return this;
        }

        public String title() {
            return title;
        }

        public List<String> lines() {
            return List.copyOf(lines);
        }
    }

    private final String heading;
    private final List<Section> sections = new ArrayList<>();

    public EvaluationReport(String heading) {
        this.heading = heading;
    }

    public Section section(String title) {
        Section section = new Section(title);
        sections.add(section);
        return section;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public void print(PrintStream out) {
        out.println(heading);
        out.println("=".repeat(heading.length()));
        for (Section section : sections) {
            out.println();
            out.println(section.title);
            section.lines.forEach(out::println);
        }
    }
}
