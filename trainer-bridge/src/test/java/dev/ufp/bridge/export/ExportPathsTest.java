package dev.ufp.bridge.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing an export writes can leave the export root. */
class ExportPathsTest {

    private final Path root = Path.of("/srv/exports").toAbsolutePath();

    @Test
    void aChildStaysDirectlyInsideItsParent() {
        assertThat(SnapshotExporter.inside(root, "acme")).isEqualTo(root.resolve("acme"));
        for (String escape : new String[]{"..", "../etc", "a/../../b", "/etc/passwd", "a/b", "a\\b", "."}) {
            assertThatThrownBy(() -> SnapshotExporter.inside(root, escape)).as(escape)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
