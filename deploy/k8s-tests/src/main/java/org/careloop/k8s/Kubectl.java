package org.careloop.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomize folder with {@code kubectl kustomize}, offline. */
public final class Kubectl {

    public static final String MISSING =
            "kubectl (with kustomize) is needed to render deploy/k8s: install it"
                    + " (https://kubernetes.io/docs/tasks/tools/)";

    private final String executable;

    public Kubectl() {
        this("kubectl");
    }

    public Kubectl(String executable) {
        this.executable = executable;
    }

    public String kustomize(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(executable, "kustomize", dir.toString())).start();
        } catch (IOException e) {
            throw new IllegalStateException(MISSING, e);
        }
        try {
            process.getOutputStream().close();
            // Each stream drained by a thread of its own: a shared pool may run one at a time and
            // block kubectl.
            var stderr = drain(process.getErrorStream());
            var stdout = drain(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "kubectl kustomize " + dir + " took over 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "kubectl kustomize "
                                + dir
                                + " failed (exit "
                                + process.exitValue()
                                + "): "
                                + stderr.join().strip());
            }
            return stdout.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        var text = new CompletableFuture<String>();
        Thread.ofPlatform()
                .daemon()
                .start(
                        () -> {
                            try {
                                text.complete(read(in));
                            } catch (RuntimeException e) {
                                text.completeExceptionally(e);
                            }
                        });
        return text;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
