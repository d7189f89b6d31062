package org.careloop.risk.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pager integrations: every alert step is POSTed to each webhook, signed with its secret. */
@Path("/webhooks")
@Tag(name = "Webhooks")
public class WebhookResource {

    private final Staff staff;
    private final Clock clock;

    WebhookResource(Staff staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Register a webhook; each alert step is POSTed to it with X-CareLoop-Signature")
    public Uni<Response> register(@NotNull(message = "a JSON body is required") @Valid NewWebhook request) {
        WebhookSubscription hook = new WebhookSubscription();
        hook.webhookId = UUID.randomUUID();
        hook.url = parsed(request.url()).toString();
        hook.secret = request.secret();
        hook.createdBy = staff.username();
        hook.createdAt = clock.instant();
        return Panache.withTransaction(hook::persist)
                .map(saved -> Response.status(Response.Status.CREATED).entity(WebhookView.of(hook)).build());
    }

    private static URI parsed(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidCommand("url", "is not a valid URL: " + e.getReason());
        }
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "The registered webhooks (secrets are never shown)")
    public Uni<List<WebhookView>> list() {
        return Panache.withSession(() -> WebhookSubscription.<WebhookSubscription>listAll())
                .map(hooks -> hooks.stream().map(WebhookView::of).toList());
    }

    /** A webhook to register: where to send, and the shared secret that signs each body. */
    public record NewWebhook(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
            String url,
            @NotBlank @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret) {
    }

    /** A webhook as shown: no secret. */
    public record WebhookView(UUID webhookId, String url, String createdBy, Instant createdAt) {

        static WebhookView of(WebhookSubscription hook) {
            return new WebhookView(hook.webhookId, hook.url, hook.createdBy, hook.createdAt);
        }
    }
}
