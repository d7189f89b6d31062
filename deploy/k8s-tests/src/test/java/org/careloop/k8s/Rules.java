package org.careloop.k8s;

import java.util.List;
import java.util.function.BiFunction;

/** Every rule, by name, for the tests that run them all. */
enum Rules {
    DEPLOYMENTS(ServiceRules::deployments),
    SERVICES(ServiceRules::services),
    AUTOSCALING(ServiceRules::autoscaling),
    LITERAL_SECRETS((m, c) -> SecretRules.literals(m)),
    REFERENCES((m, c) -> SecretRules.references(m)),
    NETWORK(NetworkRules::policies),
    KAFKA((m, c) -> KafkaRules.cluster(m)),
    TOPICS(KafkaRules::topics),
    DATABASES(ConnectionRules::databases),
    KAFKA_CONNECTION(ConnectionRules::kafka),
    KEYCLOAK_CONNECTION(ConnectionRules::keycloak),
    KEYCLOAK((m, c) -> KeycloakRules.keycloak(m)),
    REALM(KeycloakRules::realm),
    GATEWAY(IngressRules::gateway),
    TLS((m, c) -> IngressRules.tls(m)),
    MODEL((m, c) -> ModelRules.unknownFields(m));

    private final BiFunction<Manifests, Codebase, List<String>> check;

    Rules(BiFunction<Manifests, Codebase, List<String>> check) {
        this.check = check;
    }

    List<String> check(Manifests manifests, Codebase codebase) {
        return check.apply(manifests, codebase);
    }
}
