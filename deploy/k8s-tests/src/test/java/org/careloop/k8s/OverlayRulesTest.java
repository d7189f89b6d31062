package org.careloop.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay of the manifests, rendered with kustomize, keeps every rule. */
class OverlayRulesTest {

    static List<String> overlays() {
        return Rendered.overlays();
    }

    private static void check(Rules rule, String overlay) {
        var violations = rule.check(Rendered.overlay(overlay), Rendered.codebase());
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @Test
    void theManifestsHaveAProductionAndASmallOverlay() {
        assertTrue(
                overlays().containsAll(Overlays.REQUIRED),
                () ->
                        "overlays under "
                                + Rendered.dir()
                                + ": "
                                + overlays()
                                + ", need "
                                + Overlays.REQUIRED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyRenderedDocumentIsOfAKnownKindAndEveryFieldOneItsModelKnows(String overlay) {
        check(Rules.MODEL, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceRunsReplicatedProbedSizedAndLockedDown(String overlay) {
        check(Rules.DEPLOYMENTS, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasAServiceForwardingToItsHttpPort(String overlay) {
        check(Rules.SERVICES, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceScalesWithinItsTopicsPartitionsAndHasADisruptionBudget(String overlay) {
        check(Rules.AUTOSCALING, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noCredentialIsWrittenInTheManifests(String overlay) {
        check(Rules.LITERAL_SECRETS, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyReferencedSecretAndConfigMapWillExist(String overlay) {
        check(Rules.REFERENCES, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void trafficIsDeniedByDefaultAndServicesAdmitOnlyTheirHttpPortFromNamedPeers(String overlay) {
        check(Rules.NETWORK, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaRunsInKraftOnThreeNodesWithDurableDefaultsAndNoAutoCreatedTopics(String overlay) {
        check(Rules.KAFKA, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicTheCodeUsesIsDeclaredReplicatedAndNoOtherIs(String overlay) {
        check(Rules.TOPICS, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceUsesItsOwnReplicatedDatabaseWithGeneratedCredentials(String overlay) {
        check(Rules.DATABASES, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceReachesKafkaAtItsBootstrapServiceOnAPlainListener(String overlay) {
        check(Rules.KAFKA_CONNECTION, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceReachesKeycloakAtItsServiceOnAPortItServes(String overlay) {
        check(Rules.KEYCLOAK_CONNECTION, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloakRunsOnItsOwnDatabaseWithGeneratedCredentials(String overlay) {
        check(Rules.KEYCLOAK, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theRealmImportHasTheRealmsRolesAndClientsAndDemoUsersOnlyInDemoOverlays(String overlay) {
        check(Rules.REALM, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewayRoutesEveryServiceAndHoldsTheAlertStreamOpen(String overlay) {
        check(Rules.GATEWAY, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPublicHostIsServedOverTlsOutsideTheDemoOverlays(String overlay) {
        check(Rules.TLS, overlay);
    }
}
