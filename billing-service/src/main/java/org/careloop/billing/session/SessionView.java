package org.careloop.billing.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.billing.provider.RenderingProvider;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.treatment.Diagnosis;

/**
 * A delivered session as billing sees it, with the rendering and supervising provider's NPI when
 * their credential is known.
 */
public record SessionView(
        UUID sessionId,
        UUID clientId,
        String status,
        String type,
        Instant startedAt,
        Instant endedAt,
        int minutes,
        String modality,
        String clientLocation,
        boolean interactiveComplexity,
        String renderingClinician,
        String renderingProviderNpi,
        String supervisingClinician,
        String supervisingProviderNpi,
        List<Diagnosis> diagnoses,
        UUID planId,
        UUID groupSessionId,
        Instant documentedAt,
        String voidReason,
        Instant voidedAt,
        String voidedBy) {

    static SessionView of(DeliveredSession s, Map<String, RenderingProvider> providers) {
        return new SessionView(
                s.sessionId,
                s.clientId,
                s.status,
                s.type,
                s.startedAt,
                s.endedAt,
                s.minutes,
                s.modality,
                s.clientLocation,
                s.interactiveComplexity,
                s.renderingClinician,
                npi(s.renderingClinician, providers),
                s.supervisingClinician,
                npi(s.supervisingClinician, providers),
                List.of(EventJson.read(s.diagnoses, Diagnosis[].class)),
                s.planId,
                s.groupSessionId,
                s.documentedAt,
                s.voidReason,
                s.voidedAt,
                s.voidedBy);
    }

    private static String npi(String username, Map<String, RenderingProvider> providers) {
        RenderingProvider provider = username == null ? null : providers.get(username);
        return provider == null ? null : provider.npi;
    }
}
