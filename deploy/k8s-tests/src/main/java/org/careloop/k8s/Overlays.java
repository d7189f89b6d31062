package org.careloop.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The overlays under {@code deploy/k8s/overlays}: every folder with a kustomization. */
public final class Overlays {

    /**
     * Demo overlays: the only ones allowed demo users (and their clients' secrets) in the realm
     * import.
     */
    public static final Set<String> DEMO = Set.of("small");

    public static final List<String> REQUIRED = List.of("production", "small");

    private Overlays() {}

    public static List<Path> find(Path manifests) {
        Path overlays = manifests.resolve("overlays");
        if (!Files.isDirectory(overlays)) {
            throw new IllegalStateException(
                    "no overlays found under " + overlays + " (no such folder)");
        }
        List<Path> found;
        try (Stream<Path> children = Files.list(overlays)) {
            found = children.filter(Overlays::isKustomization).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no overlays found under " + overlays);
        }
        return found;
    }

    public static boolean isDemo(String overlay) {
        return DEMO.contains(overlay);
    }

    private static boolean isKustomization(Path dir) {
        return Stream.of("kustomization.yaml", "kustomization.yml", "Kustomization")
                .anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
