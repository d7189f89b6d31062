package org.careloop.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule passes a render that keeps it, and objects to one that breaks it, naming the field. */
class RulesTest {

    @ParameterizedTest
    @EnumSource(Rules.class)
    void aRenderKeepingTheRulesPassesEachOfThem(Rules rule) {
        assertEquals(List.of(), rule.check(Fixtures.valid(), Fixtures.CODEBASE));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    one-replica                      | DEPLOYMENTS         | Deployment intake-service: spec.replicas: 1, must be at least 2
                    readiness-probe-elsewhere        | DEPLOYMENTS         | readinessProbe.httpGet.path: /q/health/ready, must be /api/intake/q/health/ready
                    liveness-probe-on-another-port   | DEPLOYMENTS         | containers[risk-service].livenessProbe.httpGet.port
                    no-cpu-limit                     | DEPLOYMENTS         | containers[intake-service].resources.limits.cpu: missing
                    memory-limit-below-request       | DEPLOYMENTS         | resources.limits.memory: 256Mi is below the request 384Mi
                    runs-as-root                     | DEPLOYMENTS         | securityContext.runAsNonRoot: must be true
                    writable-root-filesystem         | DEPLOYMENTS         | securityContext.readOnlyRootFilesystem: must be true
                    writable-root-filesystem         | DEPLOYMENTS         | securityContext.allowPrivilegeEscalation: must be false
                    service-selects-other-pods       | SERVICES            | Service risk-service: spec.selector
                    autoscaler-beyond-partitions     | AUTOSCALING         | HorizontalPodAutoscaler risk-service: spec.maxReplicas: 24, must not exceed 12
                    autoscaler-down-to-one           | AUTOSCALING         | HorizontalPodAutoscaler intake-service: spec.minReplicas: 1
                    no-disruption-budget             | AUTOSCALING         | PodDisruptionBudget for Deployment risk-service: missing
                    secret-with-data                 | LITERAL_SECRETS     | Secret careloop-secrets-key: data
                    literal-password                 | LITERAL_SECRETS     | env[CARELOOP_DB_PASSWORD].value: a literal credential
                    literal-password                 | DATABASES           | [CARELOOP_DB_PASSWORD]
                    password-in-configmap            | LITERAL_SECRETS     | CARELOOP_PAYERS_API_TOKEN comes as a literal from ConfigMap intake-service-config
                    client-secret                    | LITERAL_SECRETS     | spec.realm.clients[careloop-cli].secret
                    unknown-secret                   | REFERENCES          | Secret sealing-key is neither in the render
                    missing-configmap                | REFERENCES          | ConfigMap risk-service-config is not in the render
                    no-default-deny                  | NETWORK             | no default deny
                    all-ports-open                   | NETWORK             | NetworkPolicy services-from-ingress: spec.ingress[0].ports: none
                    ingress-from-everywhere          | NETWORK             | NetworkPolicy services-from-ingress: spec.ingress[0].from: admits everywhere
                    auto-created-topics              | KAFKA               | auto.create.topics.enable: null, must be false
                    one-in-sync-replica              | KAFKA               | spec.kafka.config.min.insync.replicas: 1
                    one-kafka-node                   | KAFKA               | 1 nodes with role controller
                    missing-topic                    | TOPICS              | KafkaTopic for risk-service.dlq: missing
                    unused-topic                     | TOPICS              | KafkaTopic billing-events: spec.topicName: billing.events is used by no service
                    unreplicated-topic               | TOPICS              | KafkaTopic intake-events: spec.replicas: 1
                    shared-database                  | DATABASES           | Cluster intake-db is intake-service's
                    single-instance-database         | DATABASES           | Cluster intake-db: spec.instances: 1
                    kafka-on-tls-listener            | KAFKA_CONNECTION    | careloop-kafka-bootstrap:9093: listener tls must be internal, without TLS
                    keycloak-on-https-port-over-http | KEYCLOAK_CONNECTION | http://keycloak-service:8443: Keycloak keycloak serves
                    keycloak-on-unknown-database     | KEYCLOAK            | Keycloak keycloak: spec.db.host: postgres.example.org
                    realm-missing-role               | REALM               | spec.realm.roles.realm: differs from deploy/keycloak/careloop-realm.json: missing [oncall]
                    demo-users                       | REALM               | spec.realm.users: 1 users, allowed only in the demo overlays
                    buffered-stream                  | GATEWAY             | Ingress careloop-gateway-stream: metadata.annotations.nginx.ingress.kubernetes.io/proxy-buffering: on
                    stream-without-its-ingress       | GATEWAY             | Ingress careloop-gateway: metadata.annotations.nginx.ingress.kubernetes.io/proxy-read-timeout: null
                    stream-on-another-host           | GATEWAY             | Ingress careloop-gateway: metadata.annotations.nginx.ingress.kubernetes.io/proxy-buffering: null
                    host-without-tls                 | TLS                 | Ingress careloop-gateway-stream: spec.rules[0].host: careloop.example.org is not among spec.tls hosts []
                    unrouted-service                 | GATEWAY             | no Prefix path /api/intake
                    misspelt-kafka-field             | MODEL               | Kafka careloop: spec.kafka: fields unknown to the model, probably misspelt or misplaced: [listener]
                    keycloak-by-another-name         | KEYCLOAK_CONNECTION | http://keycloak:8080: the host must be keycloak-service
                    no-deployment                    | DEPLOYMENTS         | Deployment risk-service: missing
                    readiness-by-command             | DEPLOYMENTS         | containers[risk-service].readinessProbe: must be an httpGet of /api/risk/q/health/ready
                    database-key-cnpg-does-not-make  | REFERENCES          | key pass is not one CloudNativePG puts in intake-db-app
                    ingress-from-every-namespace     | NETWORK             | admits everywhere: namespaceSelector {} (every namespace)
                    zookeeper-mode                   | KAFKA               | metadata.annotations.strimzi.io/kraft: must be enabled
                    topic-with-one-in-sync-replica   | TOPICS              | KafkaTopic access-events: spec.config.min.insync.replicas: 1
                    misspelt-field                   | MODEL               | spec.template.spec.containers[0]: fields unknown to the model, probably misspelt or misplaced: [readinesProbe]
                    """)
    void aRenderBreakingARuleFailsIt(String broken, Rules rule, String expected) {
        var violations = rule.check(Fixtures.broken(broken, "production"), Fixtures.CODEBASE);
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(expected)),
                () ->
                        "expected a violation with \""
                                + expected
                                + "\", got:\n"
                                + String.join("\n", violations));
        assertTrue(
                violations.stream().allMatch(v -> v.startsWith("overlay production: ")),
                violations::toString);
    }

    @Test
    void aDemoOverlayMayCarryDemoUsersAndMustCarryThem() {
        assertEquals(
                List.of(),
                Rules.REALM.check(Fixtures.broken("demo-users", "small"), Fixtures.CODEBASE));
        assertEquals(
                List.of(
                        "overlay small: KeycloakRealmImport careloop-realm: spec.realm.users: none: a demo overlay"
                                + " carries the demo users"),
                Rules.REALM.check(Fixtures.valid().renamed("small"), Fixtures.CODEBASE));
    }

    @Test
    void aDemoOverlayMayServePlainHttp() {
        assertEquals(
                List.of(),
                Rules.TLS.check(Fixtures.broken("host-without-tls", "small"), Fixtures.CODEBASE));
    }

    @Test
    void aDemoOverlayMayCarryClientSecrets() {
        assertEquals(
                List.of(),
                Rules.LITERAL_SECRETS.check(
                        Fixtures.broken("client-secret", "small"), Fixtures.CODEBASE));
    }

    @Test
    void aDocumentOfAnUnknownKindFailsTheRender() {
        var error =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Fixtures.broken("unknown-kind", "production"));
        assertTrue(
                error.getMessage()
                                .contains(
                                        "monitoring.coreos.com/v1 ServiceMonitor careloop-services")
                        && error.getMessage().contains("of a kind this check does not know"),
                error::getMessage);
    }
}
