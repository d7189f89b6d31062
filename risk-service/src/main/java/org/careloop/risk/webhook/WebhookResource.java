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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private final Duration secretOverlap;

    private static final SecureRandom RANDOM = new SecureRandom();

    WebhookResource(
            Commands commands,
            Staff staff,
            Clock clock,
            OutboundAddressPolicy addresses,
            Vertx vertx,
            SecretBox secrets,
            @ConfigProperty(name = "careloop.webhooks.secret-overlap") Duration secretOverlap) {
        this.commands = commands;
        this.staff = staff;
        this.clock = clock;
        this.addresses = addresses;
        this.vertx = vertx;
        this.secrets = secrets;
        this.secretOverlap = secretOverlap;
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
                                        .entity(WebhookView.of(hook, clock.instant()))
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
    @Operation(
            summary =
                    "The registered webhooks, enabled or not and whether a secret rotation's overlap"
                            + " runs (secrets are never shown)")
    public Uni<List<WebhookView>> list() {
        return Panache.withSession(() -> WebhookSubscription.<WebhookSubscription>listAll())
                .map(
                        hooks -> {
                            Instant now = clock.instant();
                            return hooks.stream().map(hook -> WebhookView.of(hook, now)).toList();
                        });
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

    @POST
    @Path("/{webhookId}/disable")
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Disable a webhook: it is sent no page, and a step due meanwhile is skipped (shown"
                            + " in the alert's timeline), not sent later; a repeat changes nothing")
    public Uni<WebhookView> disable(@PathParam("webhookId") String webhookId) {
        UUID id = Ids.uuid("webhookId", webhookId);
        String username = staff.username();
        return change(
                id,
                history -> WebhookDecider.disable(history, id, username, clock.instant()),
                username);
    }

    @POST
    @Path("/{webhookId}/enable")
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Enable a disabled webhook: it is sent the steps from now on; a repeat changes"
                            + " nothing")
    public Uni<WebhookView> enable(@PathParam("webhookId") String webhookId) {
        UUID id = Ids.uuid("webhookId", webhookId);
        String username = staff.username();
        return change(
                id,
                history -> WebhookDecider.enable(history, id, username, clock.instant()),
                username);
    }

    @POST
    @Path("/{webhookId}/secret-rotations")
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Replace a webhook's secret with a new one, shown only in this answer; for the"
                            + " overlap (default careloop.webhooks.secret-overlap) each delivery is"
                            + " signed with the old secret too")
    public Uni<Response> rotateSecret(
            @PathParam("webhookId") String webhookId,
            @NotNull(message = "a JSON body is required") @Valid SecretRotation request) {
        UUID id = Ids.uuid("webhookId", webhookId);
        String username = staff.username();
        String secret = newSecret();
        Duration overlap = request.overlap() == null ? secretOverlap : request.overlap();
        return change(
                        id,
                        history ->
                                WebhookDecider.rotate(
                                        history,
                                        id,
                                        secrets.seal(secret),
                                        overlap,
                                        username,
                                        clock.instant()),
                        username)
                .map(
                        view ->
                                Response.status(Response.Status.CREATED)
                                        .entity(RotatedSecret.of(view, secret))
                                        .build());
    }

    /** Records what the decision on the webhook's stream decides; the webhook as it then stands. */
    private Uni<WebhookView> change(
            UUID id, Function<List<WebhookEvent>, List<WebhookEvent>> decide, String username) {
        return Panache.withTransaction(
                        () ->
                                commands.handle(
                                                stream(id),
                                                WebhookEvent.class,
                                                history ->
                                                        new Decision<>(
                                                                decide.apply(history.events()),
                                                                List.of()),
                                                username)
                                        .flatMap(
                                                recorded ->
                                                        WebhookSubscription
                                                                .<WebhookSubscription>findById(id)))
                .map(hook -> WebhookView.of(hook, clock.instant()));
    }

    /** 256 random bits, URL-safe: what a pager provider's secret field takes. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    /**
     * A secret rotation: how long the previous secret still signs, from PT0S (at once only the new
     * one, as for a secret that leaked) to 7 days; without it, careloop.webhooks.secret-overlap.
     */
    public record SecretRotation(Duration overlap) {}

    /**
     * A webhook as shown: no secret. {@code secretOverlap} is whether the previous secret still
     * signs, until {@code previousSecretValidUntil}.
     */
    public record WebhookView(
            UUID webhookId,
            String url,
            String createdBy,
            Instant createdAt,
            boolean enabled,
            Instant secretRotatedAt,
            boolean secretOverlap,
            Instant previousSecretValidUntil) {

        static WebhookView of(WebhookSubscription hook, Instant now) {
            boolean overlap =
                    hook.previousSecretUntil != null && hook.previousSecretUntil.isAfter(now);
            return new WebhookView(
                    hook.webhookId,
                    hook.url,
                    hook.createdBy,
                    hook.createdAt,
                    hook.enabled,
                    hook.secretRotatedAt,
                    overlap,
                    overlap ? hook.previousSecretUntil : null);
        }
    }

    /** The webhook after a secret rotation, with the new secret: shown this once, never again. */
    public record RotatedSecret(
            UUID webhookId,
            String url,
            String createdBy,
            Instant createdAt,
            boolean enabled,
            Instant secretRotatedAt,
            boolean secretOverlap,
            Instant previousSecretValidUntil,
            String secret) {

        static RotatedSecret of(WebhookView view, String secret) {
            return new RotatedSecret(
                    view.webhookId(),
                    view.url(),
                    view.createdBy(),
                    view.createdAt(),
                    view.enabled(),
                    view.secretRotatedAt(),
                    view.secretOverlap(),
                    view.previousSecretValidUntil(),
                    secret);
        }
    }
}
