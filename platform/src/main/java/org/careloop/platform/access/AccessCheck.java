package org.careloop.platform.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.careloop.platform.audit.AuditEntry;
import org.careloop.platform.audit.AuditEntry.Outcome;
import org.careloop.platform.audit.AuditEntry.Purpose;
import org.careloop.platform.audit.AuditTrail;
import org.careloop.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one access check of every service, run on every request after its route is matched: a caller
 * whose role does not reach every client here must have a relation to the client the route names
 * (by {@code clientId} or by an id that belongs to one client). Every request is audited before it
 * is handled, refusals included.
 */
public class AccessCheck {

    private static final String REQUEST_ID = "X-Request-Id";

    /** The roles audit records and refusals name: the clinic's, and partner organizations'. */
    static final Set<String> CLINIC_ROLES =
            Set.of(
                    "intake",
                    "clinician",
                    "supervisor",
                    "oncall",
                    "billing",
                    "admin",
                    "privacy",
                    "partner");

    @Inject CurrentIdentityAssociation identities;
    @Inject AccessPolicy policy;
    @Inject ClientAccess access;
    @Inject AuditTrail audit;
    @Inject Instance<ClientOwnedId> ownedIds;
    @Inject Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .flatMap(
                        identity ->
                                identity.isAnonymous()
                                        ? Uni.createFrom().<Response>nullItem()
                                        : check(request, resource, identity));
    }

    private Uni<Response> check(
            ContainerRequestContext request, ResourceInfo resource, SecurityIdentity identity) {
        String username = identity.getPrincipal().getName();
        boolean open = policy.open(identity);
        boolean relationNeeded = !open && !exempt(resource, identity);
        return subject(request.getUriInfo().getPathParameters())
                .flatMap(
                        subject -> {
                            UUID client = subject == null ? null : subject.clientId();
                            Uni<Basis> basis =
                                    open || client == null
                                            ? Uni.createFrom().item(open ? Basis.ROLE : Basis.NONE)
                                            : access.basis(username, client);
                            return basis.flatMap(
                                    found ->
                                            decided(
                                                    request,
                                                    resource,
                                                    identity,
                                                    relationNeeded && subject != null,
                                                    subject,
                                                    found));
                        });
    }

    private Uni<Response> decided(
            ContainerRequestContext request,
            ResourceInfo resource,
            SecurityIdentity identity,
            boolean relationNeeded,
            Subject subject,
            Basis basis) {
        UUID client = subject == null ? null : subject.clientId();
        boolean refused = relationNeeded && basis == Basis.NONE;
        Caller caller =
                new Caller(
                        identity.getPrincipal().getName(), client, basis, purpose(identity, basis));
        Outcome outcome =
                refused
                        ? Outcome.REFUSED
                        : basis == Basis.EMERGENCY ? Outcome.EMERGENCY : Outcome.ALLOWED;
        // A thing of one client that does not exist as the check sees it is not found, then and
        // there: the handler, reading a moment later, must not serve what the audit record does
        // not attribute to its client.
        return audit.record(entry(request, resource, identity, caller, outcome))
                .map(
                        recorded ->
                                refused
                                        ? refusal(request)
                                        : subject != null && client == null
                                                ? notFound(request, subject)
                                                : null);
    }

    private static boolean exempt(ResourceInfo resource, SecurityIdentity identity) {
        RelationNotRequired exemption =
                resource.getResourceMethod().getAnnotation(RelationNotRequired.class);
        if (exemption == null) {
            exemption = resource.getResourceClass().getAnnotation(RelationNotRequired.class);
        }
        if (exemption == null) {
            return false;
        }
        return exemption.roles().length == 0
                || java.util.Arrays.stream(exemption.roles()).anyMatch(identity::hasRole);
    }

    /**
     * The client the route names: by its id, or through an id that belongs to one client (whose
     * client is null when there is no such thing); null when the route names no client or the id is
     * malformed (the resource answers that with a 400 naming it).
     */
    private Uni<Subject> subject(MultivaluedMap<String, String> parameters) {
        UUID client = uuid(parameters.getFirst("clientId"));
        if (client != null) {
            return Uni.createFrom().item(new Subject(client, "clientId", client));
        }
        for (ClientOwnedId owned : ownedIds) {
            UUID id = uuid(parameters.getFirst(owned.parameter()));
            if (id != null) {
                return owned.clientOf(id).map(found -> new Subject(found, owned.parameter(), id));
            }
        }
        return Uni.createFrom().nullItem();
    }

    /** The client a route names, through the path parameter that names it (and that id). */
    private record Subject(UUID clientId, String parameter, UUID id) {}

    private static Response notFound(ContainerRequestContext request, Subject subject) {
        String what = subject.parameter().replaceFirst("Id$", "");
        Problem problem =
                Problem.notFound(what, "no " + what + " " + subject.id())
                        .at(
                                request.getUriInfo().getRequestUri().getPath(),
                                request.getHeaderString(REQUEST_ID));
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AuditEntry entry(
            ContainerRequestContext request,
            ResourceInfo resource,
            SecurityIdentity identity,
            Caller caller,
            Outcome outcome) {
        String method = request.getMethod();
        return new AuditEntry(
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                service,
                request.getHeaderString(REQUEST_ID),
                caller.username(),
                identity.getRoles().stream()
                        .filter(CLINIC_ROLES::contains)
                        .sorted()
                        .collect(Collectors.joining(",")),
                caller.clientId(),
                AuditEntry.Action.of(method),
                method,
                route(resource),
                request.getUriInfo().getPath(),
                outcome,
                caller.basis().name(),
                caller.purpose());
    }

    private static Purpose purpose(SecurityIdentity identity, Basis basis) {
        if (basis == Basis.EMERGENCY) {
            return Purpose.EMERGENCY_TREATMENT;
        }
        if (identity.hasRole("billing")) {
            return Purpose.PAYMENT;
        }
        if (identity.hasRole("admin") || identity.hasRole("privacy")) {
            return Purpose.OPERATIONS;
        }
        return Purpose.TREATMENT;
    }

    /** The route's template, e.g. {@code /clients/{clientId}/plans}. */
    static String route(ResourceInfo resource) {
        return route(resource.getResourceClass(), resource.getResourceMethod());
    }

    /** The same, for a method known by name and parameter types. */
    static String route(Class<?> resourceClass, String methodName, Class<?>[] parameterTypes) {
        try {
            return route(resourceClass, resourceClass.getMethod(methodName, parameterTypes));
        } catch (NoSuchMethodException e) {
            return route(resourceClass, null);
        }
    }

    private static String route(Class<?> resourceClass, Method resourceMethod) {
        Path onClass = resourceClass.getAnnotation(Path.class);
        Path onMethod = resourceMethod == null ? null : resourceMethod.getAnnotation(Path.class);
        String route =
                (onClass == null ? "" : slash(onClass.value()))
                        + (onMethod == null ? "" : slash(onMethod.value()));
        return route.isEmpty() ? "/" : route;
    }

    private static String slash(String segment) {
        String trimmed =
                segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment;
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private Response refusal(ContainerRequestContext request) {
        Problem problem =
                Problem.of(
                                "no-care-relationship",
                                "Forbidden",
                                403,
                                "you have no care relationship with this client: not on their care team,"
                                        + " not supervising anyone on it, no open crisis alert about them addressed"
                                        + " to you, no emergency access. In an emergency, POST"
                                        + " /clients/{clientId}/emergency-access with your reason.")
                        .at(
                                request.getUriInfo().getRequestUri().getPath(),
                                request.getHeaderString(REQUEST_ID));
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
