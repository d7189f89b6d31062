package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The gateway routes each service's path to it, and holds the risk alert stream open. */
public final class IngressRules {

    static final int SERVICE_PORT = 8080;
    static final String STREAM = "/alerts/stream";
    static final String ANNOTATION = "nginx.ingress.kubernetes.io/";
    static final int STREAM_TIMEOUT_SECONDS = 3600;

    private IngressRules() {}

    /** One path of one Ingress, for one host (null: any). */
    record Route(Ingress ingress, String host, HTTPIngressPath path) {

        boolean matches(String request) {
            String prefix = path.getPath() == null ? "/" : path.getPath();
            if ("Exact".equals(path.getPathType())) {
                return request.equals(prefix);
            }
            String trimmed =
                    prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return request.equals(trimmed) || request.startsWith(trimmed + "/");
        }

        int precedence() {
            return (path.getPath() == null ? 0 : path.getPath().length() * 2)
                    + ("Exact".equals(path.getPathType()) ? 1 : 0);
        }

        String service() {
            var backend = path.getBackend();
            return backend == null || backend.getService() == null
                    ? null
                    : backend.getService().getName();
        }

        Integer port() {
            var backend = path.getBackend();
            return backend == null
                            || backend.getService() == null
                            || backend.getService().getPort() == null
                    ? null
                    : backend.getService().getPort().getNumber();
        }
    }

    static List<Route> routes(Manifests manifests) {
        var routes = new ArrayList<Route>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (var rule : Pods.list(ingress.getSpec().getRules())) {
                if (rule.getHttp() != null) {
                    Pods.list(rule.getHttp().getPaths())
                            .forEach(p -> routes.add(new Route(ingress, rule.getHost(), p)));
                }
            }
        }
        return routes;
    }

    /** Outside the demo overlays, every host an Ingress serves has a TLS certificate in it. */
    public static List<String> tls(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        if (Overlays.isDemo(manifests.overlay())) {
            return findings.violations();
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            var covered =
                    Pods.stream(ingress.getSpec().getTls())
                            .flatMap(t -> Pods.stream(t.getHosts()))
                            .toList();
            var rules = Pods.list(ingress.getSpec().getRules());
            for (int i = 0; i < rules.size(); i++) {
                String host = rules.get(i).getHost();
                if (host == null || !covered.contains(host)) {
                    findings.add(
                            ingress,
                            "spec.rules[" + i + "].host",
                            host
                                    + " is not among spec.tls hosts "
                                    + covered
                                    + ": outside the demo overlays every host is served over TLS");
                }
            }
        }
        return findings.violations();
    }

    public static List<String> gateway(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var routes = routes(manifests);
        for (Codebase.Service service : codebase.services()) {
            var route =
                    routes.stream()
                            .filter(r -> service.rootPath().equals(r.path().getPath()))
                            .filter(r -> "Prefix".equals(r.path().getPathType()))
                            .findFirst();
            if (route.isEmpty()) {
                findings.add(
                        "Ingress", "spec.rules.http.paths", "no Prefix path " + service.rootPath());
                continue;
            }
            if (!service.deployment().equals(route.get().service())
                    || !Objects.equals(route.get().port(), SERVICE_PORT)) {
                findings.add(
                        route.get().ingress(),
                        "spec.rules.http.paths[" + service.rootPath() + "].backend.service",
                        route.get().service()
                                + ":"
                                + route.get().port()
                                + ", must be "
                                + service.deployment()
                                + ":"
                                + SERVICE_PORT);
            }
        }
        var risk =
                codebase.services().stream().filter(s -> s.shortName().equals("risk")).findFirst();
        if (risk.isPresent()) {
            String stream = risk.get().rootPath() + STREAM;
            // ingress-nginx picks the longest path among the Ingresses of the host the service is
            // served on.
            String host =
                    routes.stream()
                            .filter(r -> risk.get().rootPath().equals(r.path().getPath()))
                            .map(Route::host)
                            .findFirst()
                            .orElse(null);
            var route =
                    routes.stream()
                            .filter(r -> Objects.equals(host, r.host()))
                            .filter(r -> r.matches(stream))
                            .max(Comparator.comparingInt(Route::precedence));
            if (route.isEmpty()) {
                findings.add("Ingress", "spec.rules.http.paths", "none routes " + stream);
                return findings.violations();
            }
            Ingress ingress = route.get().ingress();
            if (!risk.get().deployment().equals(route.get().service())) {
                findings.add(
                        ingress,
                        "spec.rules.http.paths[" + route.get().path().getPath() + "]",
                        "routes "
                                + stream
                                + " to "
                                + route.get().service()
                                + ", not "
                                + risk.get().deployment());
            }
            Map<String, String> annotations =
                    Objects.requireNonNullElse(ingress.getMetadata().getAnnotations(), Map.of());
            if (!"off".equals(annotations.get(ANNOTATION + "proxy-buffering"))) {
                findings.add(
                        ingress,
                        "metadata.annotations." + ANNOTATION + "proxy-buffering",
                        annotations.get(ANNOTATION + "proxy-buffering")
                                + ", must be off: it routes "
                                + stream
                                + ", whose events must not wait in a buffer");
            }
            String timeout = annotations.get(ANNOTATION + "proxy-read-timeout");
            Integer seconds = KafkaRules.integer(timeout);
            if (seconds == null || seconds < STREAM_TIMEOUT_SECONDS) {
                findings.add(
                        ingress,
                        "metadata.annotations." + ANNOTATION + "proxy-read-timeout",
                        timeout
                                + ", must be at least "
                                + STREAM_TIMEOUT_SECONDS
                                + " for "
                                + stream);
            }
        }
        return findings.violations();
    }
}
