package org.careloop.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the overlays and rendering them fail clearly rather than pass on nothing. */
class RenderingTest {

    @Test
    void withoutKubectlTheRenderFailsSayingWhatToInstall() {
        var error =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                new Kubectl("kubectl-not-installed")
                                        .kustomize(Fixtures.path("valid")));
        assertEquals(
                "kubectl (with kustomize) is needed to render deploy/k8s: install it"
                        + " (https://kubernetes.io/docs/tasks/tools/)",
                error.getMessage());
    }

    @Test
    void aFolderKustomizeCannotRenderFailsWithKubectlsReason(@TempDir Path dir) {
        var error = assertThrows(IllegalStateException.class, () -> new Kubectl().kustomize(dir));
        assertTrue(
                error.getMessage().startsWith("kubectl kustomize " + dir + " failed"),
                error::getMessage);
    }

    @Test
    void aRenderLargerThanAPipeBufferComesBackWhole(@TempDir Path dir) throws IOException {
        String big = "x".repeat(300_000);
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [big.yaml]\n");
        Files.writeString(
                dir.resolve("big.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  text: "
                        + big
                        + "\n");
        var rendered = Manifests.parse("big", new Kubectl().kustomize(dir));
        var configMap = rendered.named(ConfigMap.class, "big").orElseThrow();
        assertEquals(big, configMap.getData().get("text"));
    }

    @Test
    void noOverlaysFolderIsAFailure(@TempDir Path dir) {
        var error = assertThrows(IllegalStateException.class, () -> Overlays.find(dir));
        assertTrue(
                error.getMessage()
                        .startsWith("no overlays found under " + dir.resolve("overlays")));
    }

    @Test
    void anOverlaysFolderWithoutKustomizationsIsAFailure(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("overlays/production"));
        var error = assertThrows(IllegalStateException.class, () -> Overlays.find(dir));
        assertEquals("no overlays found under " + dir.resolve("overlays"), error.getMessage());
    }

    @Test
    void everyFolderWithAKustomizationIsAnOverlay(@TempDir Path dir) throws IOException {
        for (String overlay : List.of("small", "production", "staging")) {
            Files.createDirectories(dir.resolve("overlays").resolve(overlay));
            Files.writeString(
                    dir.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"),
                    "resources: []\n");
        }
        Files.createDirectories(dir.resolve("overlays/notes"));
        assertEquals(
                List.of("production", "small", "staging"),
                Overlays.find(dir).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theValidFixtureRendersThroughKustomizeIntoTheSameResources() {
        var rendered =
                Manifests.parse("production", new Kubectl().kustomize(Fixtures.path("valid")));
        assertEquals(
                Fixtures.valid().resources().stream().map(Manifests::describe).sorted().toList(),
                rendered.resources().stream().map(Manifests::describe).sorted().toList());
    }
}
