package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/** Default deny, and service pods reachable only on their HTTP port and never from everywhere. */
public final class NetworkRules {

    private NetworkRules() {}

    static List<String> policyTypes(NetworkPolicy policy) {
        var spec = policy.getSpec();
        if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
            return spec.getPolicyTypes();
        }
        return Pods.list(spec.getEgress()).isEmpty()
                ? List.of("Ingress")
                : List.of("Ingress", "Egress");
    }

    static boolean selects(NetworkPolicy policy, Map<String, String> labels) {
        var selector = policy.getSpec().getPodSelector();
        return Selectors.isEmpty(selector) || Selectors.matches(selector, labels);
    }

    public static List<String> policies(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var policies =
                manifests.all(NetworkPolicy.class).stream()
                        .filter(p -> p.getSpec() != null)
                        .toList();
        boolean defaultDeny =
                policies.stream()
                        .anyMatch(
                                p ->
                                        Selectors.isEmpty(p.getSpec().getPodSelector())
                                                && policyTypes(p)
                                                        .containsAll(List.of("Ingress", "Egress"))
                                                && Pods.list(p.getSpec().getIngress()).isEmpty()
                                                && Pods.list(p.getSpec().getEgress()).isEmpty());
        if (!defaultDeny) {
            findings.add(
                    "NetworkPolicy",
                    "",
                    "no default deny (podSelector {}, policyTypes Ingress and Egress, no rules)");
        }
        for (Codebase.Service service : codebase.services()) {
            var deployment = ServiceRules.deployment(manifests, service);
            if (deployment.isEmpty()) {
                continue;
            }
            var labels = ServiceRules.podLabels(deployment.get());
            var port =
                    ServiceRules.container(deployment.get(), service)
                            .flatMap(ServiceRules::httpPort);
            if (port.isEmpty()) {
                continue;
            }
            boolean reachable = false;
            for (NetworkPolicy policy : policies) {
                if (!selects(policy, labels) || !policyTypes(policy).contains("Ingress")) {
                    continue;
                }
                var rules = Pods.list(policy.getSpec().getIngress());
                for (int i = 0; i < rules.size(); i++) {
                    NetworkPolicyIngressRule rule = rules.get(i);
                    String field = "spec.ingress[" + i + "]";
                    String pods = " (selects the pods of " + service.deployment() + ")";
                    if (Pods.list(rule.getPorts()).isEmpty()) {
                        findings.add(
                                policy, field + ".ports", "none, so every port is open" + pods);
                    }
                    for (NetworkPolicyPort allowed : Pods.list(rule.getPorts())) {
                        boolean http =
                                Pods.isPort(allowed.getPort(), port.get())
                                        && (allowed.getProtocol() == null
                                                || "TCP".equals(allowed.getProtocol()))
                                        && (allowed.getEndPort() == null
                                                || allowed.getEndPort()
                                                        .equals(port.get().getContainerPort()));
                        if (!http) {
                            findings.add(
                                    policy,
                                    field + ".ports",
                                    allowed.getPort()
                                            + " is not the http port "
                                            + port.get().getContainerPort()
                                            + pods);
                        } else {
                            reachable = true;
                        }
                    }
                    if (Pods.list(rule.getFrom()).isEmpty()) {
                        findings.add(policy, field + ".from", "none, so it admits everyone" + pods);
                    }
                    for (NetworkPolicyPeer peer : Pods.list(rule.getFrom())) {
                        if (isEverywhere(peer)) {
                            findings.add(
                                    policy,
                                    field + ".from",
                                    "admits everywhere: " + describe(peer) + pods);
                        }
                    }
                }
            }
            if (!reachable) {
                findings.add(
                        "pods of Deployment " + service.deployment(),
                        "NetworkPolicy",
                        "no policy admits traffic to the http port "
                                + port.get().getContainerPort()
                                + ", so the gateway cannot reach them under the default deny");
            }
        }
        return findings.violations();
    }

    private static String describe(NetworkPolicyPeer peer) {
        return peer.getIpBlock() != null
                ? "ipBlock " + peer.getIpBlock().getCidr()
                : "namespaceSelector {} (every namespace)";
    }

    static boolean isEverywhere(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            String cidr = peer.getIpBlock().getCidr();
            return cidr != null && cidr.endsWith("/0");
        }
        return peer.getNamespaceSelector() != null
                && Selectors.isEmpty(peer.getNamespaceSelector())
                && Selectors.isEmpty(peer.getPodSelector());
    }
}
