package org.careloop.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture repo and renders under {@code src/test/resources/fixtures}. */
final class Fixtures {

    static final Codebase CODEBASE = Codebase.read(path("repo"));

    private Fixtures() {}

    /** The render that keeps every rule, as an overlay named production. */
    static Manifests valid() {
        return Manifests.parse("production", text("valid/resources.yaml"));
    }

    /** The valid render with one thing broken by the kustomization {@code broken/<name>}. */
    static Manifests broken(String name, String overlay) {
        return Manifests.parse(overlay, new Kubectl().kustomize(path("broken/" + name)));
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String name) {
        var url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
