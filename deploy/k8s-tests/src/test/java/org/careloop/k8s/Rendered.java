package org.careloop.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The manifests under test, each overlay rendered once, and the code they must match. */
final class Rendered {

    static final String DIR_PROPERTY = "careloop.k8s.dir";
    static final String REPO_PROPERTY = "careloop.repo.dir";

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static Codebase codebase;

    private Rendered() {}

    /**
     * The manifests folder: {@code -Dcareloop.k8s.dir} (a relative path from the repository root),
     * else the repository's deploy/k8s.
     */
    static Path dir() {
        return repo().resolve(System.getProperty(DIR_PROPERTY, "deploy/k8s")).normalize();
    }

    static Path repo() {
        return Path.of(System.getProperty(REPO_PROPERTY, "../..")).toAbsolutePath().normalize();
    }

    static synchronized Codebase codebase() {
        if (codebase == null) {
            codebase = Codebase.read(repo());
        }
        return codebase;
    }

    /** The names of the overlays; fails when there are none. */
    static List<String> overlays() {
        return Overlays.find(dir()).stream().map(p -> p.getFileName().toString()).toList();
    }

    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(
                name,
                n ->
                        Manifests.parse(
                                n, new Kubectl().kustomize(dir().resolve("overlays").resolve(n))));
    }
}
