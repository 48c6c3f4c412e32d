package dev.ufp.mining.reward;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A trained ensemble as one zip: {@code descriptor.json} and each head's newest {@code .params}. */
final class ModelArtifact {

    private static final long MAX_UNZIPPED = 1L << 30;

    private ModelArtifact() {
    }

    static byte[] zip(Path ensembleDir, int heads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, ensembleDir, ensembleDir.resolve(ModelDescriptor.FILE));
            for (int k = 0; k < heads; k++) {
                Path headDir = ensembleDir.resolve(RewardTrainer.headDir(k));
                try (Stream<Path> files = Files.list(headDir)) {
                    List<Path> params = files.filter(p -> p.getFileName().toString().endsWith(".params")).sorted()
                            .toList();
                    if (params.isEmpty()) {
                        throw new IllegalStateException("head " + k + " has no params in " + headDir);
                    }
                    add(zip, ensembleDir, params.get(params.size() - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip the reward model in " + ensembleDir, e);
        }
        return bytes.toByteArray();
    }

    static void unzip(byte[] artifact, Path target) {
        long written = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || entry.isDirectory()) {
                    continue; // nothing outside the target (zip slip)
                }
                Files.createDirectories(file.getParent());
                written += Files.copy(zip, file);
                if (written > MAX_UNZIPPED) {
                    throw new IOException("artifact unzips to more than " + MAX_UNZIPPED + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip the reward model: " + e.getMessage(), e);
        }
    }

    private static void add(ZipOutputStream zip, Path root, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
