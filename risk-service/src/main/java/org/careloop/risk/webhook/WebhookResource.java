package org.careloop.risk.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.secret.SecretBox;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pager integrations: every alert step is POSTed to each webhook, signed with its secret. */
@Path("/webhooks")
@Tag(name = "Webhooks")
public class WebhookResource {

    private final Commands commands;
    private final Staff staff;
    private final Clock clock;
    private final OutboundAddressPolicy addresses;
    private final Vertx vertx;
    private final SecretBox secrets;

    WebhookResource(
            Commands commands,
            Staff staff,
            Clock clock,
            OutboundAddressPolicy addresses,
            Vertx vertx,
            SecretBox secrets) {
        this.commands = commands;
        this.staff = staff;
        this.clock = clock;
        this.addresses = addresses;
        this.vertx = vertx;
        this.secrets = secrets;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Register a webhook; each alert step is POSTed to it with X-CareLoop-Signature")
    public Uni<Response> register(
            @NotNull(message = "a JSON body is required") @Valid NewWebhook request) {
        String username = staff.username();
        // Resolving the host may block on DNS: off the event loop, back on this request's context
        // for the transaction.
        return vertx.executeBlocking(Uni.createFrom().item(() -> addresses.check(request.url())))
                .flatMap(
                        verdict -> {
                            URI url = admitted(verdict);
                            UUID webhookId = UUID.randomUUID();
                            WebhookEvent registered =
                                    new WebhookEvent.WebhookRegistered(
                                            webhookId,
                                            url.toString(),
                                            secrets.seal(request.secret()),
                                            username,
                                            clock.instant());
                            return Panache.withTransaction(
                                    () ->
                                            commands.record(
                                                            History.of(stream(webhookId)),
                                                            new Decision<>(
                                                                    List.of(registered), List.of()),
                                                            username)
                                                    .flatMap(
                                                            recorded ->
                                                                    WebhookSubscription
                                                                            .<WebhookSubscription>
                                                                                    findById(
                                                                                            webhookId)));
                        })
                .map(
                        hook ->
                                Response.status(Response.Status.CREATED)
                                        .entity(WebhookView.of(hook))
                                        .build());
    }

    private static URI admitted(OutboundAddressPolicy.Verdict verdict) {
        if (verdict instanceof OutboundAddressPolicy.Admitted admitted) {
            return admitted.uri();
        }
        throw new InvalidCommand(
                "url",
                verdict instanceof OutboundAddressPolicy.Refused refused
                        ? refused.reason()
                        : ((OutboundAddressPolicy.Unresolved) verdict).reason());
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "The registered webhooks (secrets are never shown)")
    public Uni<List<WebhookView>> list() {
        return Panache.withSession(() -> WebhookSubscription.<WebhookSubscription>listAll())
                .map(hooks -> hooks.stream().map(WebhookView::of).toList());
    }

    @DELETE
    @Path("/{webhookId}")
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Remove a webhook (204): no further step is sent to it; 404 when no such webhook is in force")
    public Uni<Response> remove(@PathParam("webhookId") String webhookId) {
        UUID id = Ids.uuid("webhookId", webhookId);
        String username = staff.username();
        return Panache.withTransaction(
                        () ->
                                commands.load(stream(id), WebhookEvent.class)
                                        .flatMap(
                                                history -> {
                                                    if (history.isNew()
                                                            || history.events()
                                                                            .get(
                                                                                    history
                                                                                                    .version()
                                                                                            - 1)
                                                                    instanceof
                                                                    WebhookEvent.WebhookRemoved) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "webhook",
                                                                        "no webhook "
                                                                                + id
                                                                                + " is in force"));
                                                    }
                                                    return commands.record(
                                                            history,
                                                            new Decision<WebhookEvent>(
                                                                    List.of(
                                                                            new WebhookEvent
                                                                                    .WebhookRemoved(
                                                                                    id,
                                                                                    username,
                                                                                    clock
                                                                                            .instant())),
                                                                    List.of()),
                                                            username);
                                                }))
                .replaceWith(Response.noContent().build());
    }

    private static StreamId stream(UUID webhookId) {
        return StreamId.of(WebhookEvent.STREAM, webhookId);
    }

    /**
     * A webhook to register: where to send (see {@link OutboundAddressPolicy}), and the secret that
     * signs each body.
     */
    public record NewWebhook(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
                    String secret) {}

    /** A webhook as shown: no secret. */
    public record WebhookView(UUID webhookId, String url, String createdBy, Instant createdAt) {

        static WebhookView of(WebhookSubscription hook) {
            return new WebhookView(hook.webhookId, hook.url, hook.createdBy, hook.createdAt);
        }
    }
}
