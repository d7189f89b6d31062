package org.careloop.billing.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.careloop.billing.provider.RenderingProviders;

/** Delivered sessions joined with their providers' credentials, for the API. */
@ApplicationScoped
public class SessionViews {

    private final RenderingProviders providers;

    SessionViews(RenderingProviders providers) {
        this.providers = providers;
    }

    /** In the caller's session. */
    Uni<List<SessionView>> of(List<DeliveredSession> sessions) {
        List<String> staff =
                sessions.stream()
                        .flatMap(s -> Stream.of(s.renderingClinician, s.supervisingClinician))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        return providers
                .byUsername(staff)
                .map(known -> sessions.stream().map(s -> SessionView.of(s, known)).toList());
    }
}
