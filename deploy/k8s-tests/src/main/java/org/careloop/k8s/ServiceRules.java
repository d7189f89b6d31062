package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules for each service's Deployment, Service, autoscaler and disruption budget. */
public final class ServiceRules {

    static final int MIN_REPLICAS = 2;

    private ServiceRules() {}

    static Optional<Deployment> deployment(Manifests manifests, Codebase.Service service) {
        return manifests.named(Deployment.class, service.deployment());
    }

    /** The labels of a Deployment's pods. */
    static Map<String, String> podLabels(Deployment deployment) {
        return new Pods.Workload(deployment, "spec.template", deployment.getSpec().getTemplate())
                .labels();
    }

    /** The service's own container: the one named after it, or the only one. */
    static Optional<Container> container(Deployment deployment, Codebase.Service service) {
        var containers = Pods.list(deployment.getSpec().getTemplate().getSpec().getContainers());
        return containers.stream()
                .filter(c -> service.deployment().equals(c.getName()))
                .findFirst()
                .or(
                        () ->
                                containers.size() == 1
                                        ? Optional.of(containers.getFirst())
                                        : Optional.empty());
    }

    /** The container port the service serves HTTP on: the one named http, or the only one. */
    static Optional<ContainerPort> httpPort(Container container) {
        var ports = Pods.list(container.getPorts());
        return ports.stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst()
                .or(() -> ports.size() == 1 ? Optional.of(ports.getFirst()) : Optional.empty());
    }

    public static List<String> deployments(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        for (Codebase.Service service : codebase.services()) {
            var found = deployment(manifests, service);
            if (found.isEmpty()) {
                findings.add("Deployment " + service.deployment(), "", "missing");
                continue;
            }
            Deployment deployment = found.get();
            var spec = deployment.getSpec();
            int replicas = spec.getReplicas() == null ? 1 : spec.getReplicas();
            if (replicas < MIN_REPLICAS) {
                findings.add(
                        deployment,
                        "spec.replicas",
                        replicas + ", must be at least " + MIN_REPLICAS);
            }
            var template = spec.getTemplate();
            if (template == null || template.getSpec() == null) {
                findings.add(deployment, "spec.template.spec", "missing");
                continue;
            }
            var container = container(deployment, service);
            if (container.isEmpty()) {
                findings.add(
                        deployment,
                        "spec.template.spec.containers",
                        "no container named " + service.deployment());
            } else {
                String path = "spec.template.spec.containers[" + container.get().getName() + "]";
                var port = httpPort(container.get());
                if (port.isEmpty()) {
                    findings.add(deployment, path + ".ports", "no port named http");
                } else {
                    probe(
                            findings,
                            deployment,
                            path + ".readinessProbe",
                            container.get().getReadinessProbe(),
                            service.rootPath() + "/q/health/ready",
                            port.get());
                    probe(
                            findings,
                            deployment,
                            path + ".livenessProbe",
                            container.get().getLivenessProbe(),
                            service.rootPath() + "/q/health/live",
                            port.get());
                }
            }
            PodSecurityContext pod = template.getSpec().getSecurityContext();
            boolean podNonRoot = pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
            for (var entry :
                    new Pods.Workload(deployment, "spec.template", template).containers()) {
                String path = entry.getKey();
                Container each = entry.getValue();
                resources(findings, deployment, path, each);
                SecurityContext security = each.getSecurityContext();
                Boolean nonRoot = security == null ? null : security.getRunAsNonRoot();
                if (!(Boolean.TRUE.equals(nonRoot) || (nonRoot == null && podNonRoot))) {
                    findings.add(
                            deployment,
                            path + ".securityContext.runAsNonRoot",
                            "must be true, here or in spec.template.spec.securityContext");
                }
                if (security == null
                        || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    findings.add(
                            deployment,
                            path + ".securityContext.readOnlyRootFilesystem",
                            "must be true");
                }
                if (security == null
                        || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    findings.add(
                            deployment,
                            path + ".securityContext.allowPrivilegeEscalation",
                            "must be false");
                }
            }
        }
        return findings.violations();
    }

    private static void probe(
            Findings findings,
            Deployment deployment,
            String field,
            Probe probe,
            String path,
            ContainerPort port) {
        if (probe == null || probe.getHttpGet() == null) {
            findings.add(deployment, field, "must be an httpGet of " + path);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            findings.add(
                    deployment,
                    field + ".httpGet.path",
                    probe.getHttpGet().getPath() + ", must be " + path);
        }
        if (!Pods.isPort(probe.getHttpGet().getPort(), port)) {
            findings.add(
                    deployment,
                    field + ".httpGet.port",
                    probe.getHttpGet().getPort()
                            + ", must be the container's http port "
                            + port.getContainerPort());
        }
    }

    private static void resources(
            Findings findings, Deployment deployment, String path, Container container) {
        var resources = container.getResources();
        Map<String, Quantity> requests =
                resources == null ? Map.of() : orEmpty(resources.getRequests());
        Map<String, Quantity> limits =
                resources == null ? Map.of() : orEmpty(resources.getLimits());
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                findings.add(deployment, path + ".resources.requests." + resource, "missing");
            }
            if (!limits.containsKey(resource)) {
                findings.add(deployment, path + ".resources.limits." + resource, "missing");
            }
        }
        if (requests.containsKey("memory") && limits.containsKey("memory")) {
            var request = Quantity.getAmountInBytes(requests.get("memory"));
            var limit = Quantity.getAmountInBytes(limits.get("memory"));
            if (limit.compareTo(request) < 0) {
                findings.add(
                        deployment,
                        path + ".resources.limits.memory",
                        limits.get("memory") + " is below the request " + requests.get("memory"));
            }
        }
    }

    public static List<String> autoscaling(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        for (Codebase.Service service : codebase.services()) {
            var autoscalers =
                    manifests.all(HorizontalPodAutoscaler.class).stream()
                            .filter(
                                    h ->
                                            h.getSpec() != null
                                                    && h.getSpec().getScaleTargetRef() != null)
                            .filter(
                                    h ->
                                            "Deployment"
                                                    .equals(
                                                            h.getSpec()
                                                                    .getScaleTargetRef()
                                                                    .getKind()))
                            .filter(
                                    h ->
                                            service.deployment()
                                                    .equals(
                                                            h.getSpec()
                                                                    .getScaleTargetRef()
                                                                    .getName()))
                            .toList();
            if (autoscalers.isEmpty()) {
                findings.add(
                        "HorizontalPodAutoscaler for Deployment " + service.deployment(),
                        "",
                        "missing");
            }
            int partitions = fewestPartitions(manifests, service, findings);
            for (HorizontalPodAutoscaler autoscaler : autoscalers) {
                var spec = autoscaler.getSpec();
                int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
                if (min < MIN_REPLICAS) {
                    findings.add(
                            autoscaler,
                            "spec.minReplicas",
                            min + ", must be at least " + MIN_REPLICAS);
                }
                if (spec.getMaxReplicas() == null || spec.getMaxReplicas() > partitions) {
                    findings.add(
                            autoscaler,
                            "spec.maxReplicas",
                            spec.getMaxReplicas()
                                    + ", must not exceed "
                                    + partitions
                                    + ", the fewest partitions of a topic "
                                    + service.deployment()
                                    + " consumes (a consumer beyond them idles)");
                }
            }
            deployment(manifests, service)
                    .ifPresent(
                            deployment ->
                                    disruptionBudget(findings, manifests, service, deployment));
        }
        return findings.violations();
    }

    private static int fewestPartitions(
            Manifests manifests, Codebase.Service service, Findings findings) {
        int fewest = Integer.MAX_VALUE;
        for (String topic : service.consumedTopics()) {
            var partitions =
                    manifests.all(KafkaTopic.class).stream()
                            .filter(t -> topic.equals(KafkaRules.topicName(t)))
                            .map(t -> t.getSpec() == null ? null : t.getSpec().getPartitions())
                            .findFirst();
            if (partitions.isEmpty() || partitions.get() == null) {
                findings.add(
                        "KafkaTopic " + topic,
                        "spec.partitions",
                        "unknown, so " + service.deployment() + "'s autoscaler has no bound");
                return 0;
            }
            fewest = Math.min(fewest, partitions.get());
        }
        return fewest;
    }

    private static void disruptionBudget(
            Findings findings,
            Manifests manifests,
            Codebase.Service service,
            Deployment deployment) {
        var labels = podLabels(deployment);
        var budgets =
                manifests.all(PodDisruptionBudget.class).stream()
                        .filter(
                                b ->
                                        b.getSpec() != null
                                                && !Selectors.isEmpty(b.getSpec().getSelector()))
                        .filter(b -> Selectors.matches(b.getSpec().getSelector(), labels))
                        .toList();
        if (budgets.isEmpty()) {
            findings.add(
                    "PodDisruptionBudget for Deployment " + service.deployment(), "", "missing");
        }
        for (PodDisruptionBudget budget : budgets) {
            if (budget.getSpec().getMinAvailable() == null
                    && budget.getSpec().getMaxUnavailable() == null) {
                findings.add(budget, "spec", "sets neither minAvailable nor maxUnavailable");
            }
        }
    }

    /**
     * Each service has a Service selecting its pods, with port 8080 onto the container's http port.
     */
    public static List<String> services(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        for (Codebase.Service service : codebase.services()) {
            var found = manifests.named(Service.class, service.deployment());
            if (found.isEmpty()) {
                findings.add("Service " + service.deployment(), "", "missing");
                continue;
            }
            Service kubeService = found.get();
            var deployment = deployment(manifests, service);
            if (deployment.isEmpty()) {
                continue;
            }
            var labels = podLabels(deployment.get());
            if (!Selectors.matches(kubeService.getSpec().getSelector(), labels)) {
                findings.add(
                        kubeService,
                        "spec.selector",
                        kubeService.getSpec().getSelector()
                                + " does not select the pods of Deployment "
                                + service.deployment());
            }
            var port = container(deployment.get(), service).flatMap(ServiceRules::httpPort);
            Optional<ServicePort> servicePort =
                    Pods.stream(kubeService.getSpec().getPorts())
                            .filter(
                                    p ->
                                            p.getPort() != null
                                                    && p.getPort() == IngressRules.SERVICE_PORT)
                            .findFirst();
            if (servicePort.isEmpty()) {
                findings.add(kubeService, "spec.ports", "no port " + IngressRules.SERVICE_PORT);
            } else if (port.isPresent()) {
                var target = servicePort.get().getTargetPort();
                boolean same =
                        target == null
                                ? port.get().getContainerPort() == IngressRules.SERVICE_PORT
                                : Pods.isPort(target, port.get());
                if (!same) {
                    findings.add(
                            kubeService,
                            "spec.ports[" + IngressRules.SERVICE_PORT + "].targetPort",
                            target
                                    + ", must be the container's http port "
                                    + port.get().getContainerPort());
                }
            }
        }
        return findings.violations();
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
