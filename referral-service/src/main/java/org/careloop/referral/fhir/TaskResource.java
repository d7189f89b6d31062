package org.careloop.referral.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.access.RelationNotRequired;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.PartnerRecord;
import org.careloop.referral.referral.PartnerUpdate;
import org.careloop.referral.referral.ReferralBook;
import org.careloop.referral.referral.ReferralRecord;
import org.careloop.referral.referral.ReferralStatus;
import org.careloop.referral.referral.Referrals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/**
 * The partner interface: a partner organization, with its own token, reads the referrals sent to it
 * as FHIR R4 Tasks and answers by updating them. Another partner's referral is not found; beyond
 * these and its inbound referrals, no route of CareLoop takes a partner's token.
 */
@Path("/fhir/Task")
@Tag(name = "Partner interface (FHIR R4)")
@RolesAllowed("partner")
@RelationNotRequired(roles = "partner")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class TaskResource {

    private static final String JSON_PATCH = "application/json-patch+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a PartnerUpdate's fields are called in the Task a partner sends. */
    private static final Map<String, String> TASK_FIELDS =
            Map.of(
                    "reason", "statusReason.text",
                    "appointmentAt", "executionPeriod.start",
                    "outcome.summary", "output (summary)",
                    "outcome.recommendations", "output (recommendations)",
                    "outcome.attachments", "output (attachment)");

    private final PartnerCaller caller;
    private final ReferralBook book;
    private final Referrals referrals;
    private final ClientDirectory clients;
    private final URI publicUrl;
    private final Validator validator;

    TaskResource(
            PartnerCaller caller,
            ReferralBook book,
            Referrals referrals,
            ClientDirectory clients,
            @ConfigProperty(name = "careloop.public-url") URI publicUrl,
            Validator validator) {
        this.caller = caller;
        this.book = book;
        this.referrals = referrals;
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.validator = validator;
    }

    /** The FHIR model is built on first use; that happens at startup, not on a partner's call. */
    static void warm(@Observes StartupEvent startup) {
        Fhir.writer().encodeResourceToString(new Task());
    }

    @GET
    @Operation(
            summary =
                    "Search the caller's own Tasks (referrals sent to it), oldest first; status takes"
                            + " FHIR Task status codes, comma-separated (status=requested)")
    public Uni<Response> search(@Context UriInfo uri) {
        for (String parameter : uri.getQueryParameters().keySet()) {
            if (!parameter.equals("status")) {
                throw new InvalidCommand(
                        parameter, "is not a search parameter of this server; it takes status");
            }
        }
        Set<ReferralStatus> statuses = statuses(uri.getQueryParameters().get("status"));
        return caller.partner()
                .flatMap(
                        partner ->
                                Panache.withSession(
                                        () ->
                                                book.sentTo(partner.partnerId, statuses)
                                                        .flatMap(
                                                                found ->
                                                                        bundle(
                                                                                found, partner,
                                                                                uri))))
                .map(TaskResource::fhir);
    }

    @GET
    @Path("/{taskId}")
    @Operation(summary = "One of the caller's Tasks")
    public Uni<Response> get(@PathParam("taskId") String taskId) {
        UUID id = Ids.uuid("taskId", taskId);
        return caller.partner()
                .flatMap(partner -> Panache.withSession(() -> task(id, partner)))
                .map(task -> fhir(Fhir.writer().encodeResourceToString(task)));
    }

    @PUT
    @Path("/{taskId}")
    @Consumes({Fhir.JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary =
                    "Update one of the caller's Tasks: status received, accepted, rejected (statusReason.text),"
                            + " in-progress (executionPeriod.start: the first appointment), completed (output"
                            + " with type.text summary, recommendations, attachment) or failed (statusReason.text);"
                            + " other elements are the clinic's and are not read. Sending what the Task already"
                            + " says changes nothing")
    public Uni<Response> update(@PathParam("taskId") String taskId, String body) {
        UUID id = Ids.uuid("taskId", taskId);
        return caller.partner()
                .flatMap(
                        partner ->
                                Panache.withSession(() -> task(id, partner))
                                        .flatMap(current -> answer(id, partner, parse(body, id))));
    }

    @PATCH
    @Path("/{taskId}")
    @Consumes({JSON_PATCH, MediaType.APPLICATION_JSON})
    @Operation(
            summary =
                    "Update one of the caller's Tasks with a JSON Patch (add, replace, remove, test) of the"
                            + " Task as GET returns it, e.g. [{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]")
    public Uni<Response> patch(@PathParam("taskId") String taskId, String body) {
        UUID id = Ids.uuid("taskId", taskId);
        return caller.partner()
                .flatMap(
                        partner ->
                                Panache.withSession(() -> task(id, partner))
                                        .flatMap(
                                                current -> {
                                                    JsonNode operations = json(body);
                                                    JsonNode patched =
                                                            JsonPatch.apply(
                                                                    json(
                                                                            Fhir.writer()
                                                                                    .encodeResourceToString(
                                                                                            current)),
                                                                    operations);
                                                    return answer(
                                                            id,
                                                            partner,
                                                            parse(patched.toString(), id));
                                                }));
    }

    private Uni<Response> answer(UUID id, PartnerRecord partner, Task sent) {
        PartnerUpdate update = ReferralTasks.answer(sent);
        validate(update);
        return Panache.withTransaction(() -> referrals.partnerAnswer(id, partner.partnerId, update))
                .flatMap(done -> Panache.withSession(() -> task(id, partner)))
                .map(task -> fhir(Fhir.writer().encodeResourceToString(task)));
    }

    private Uni<Task> task(UUID id, PartnerRecord partner) {
        return book.find(id)
                .flatMap(
                        referral -> {
                            if (!visible(referral, partner)) {
                                throw Refused.notFound("task", "no task " + id);
                            }
                            return clients.find(referral.clientId)
                                    .map(client -> ReferralTasks.task(referral, client, partner));
                        });
    }

    private static boolean visible(ReferralRecord referral, PartnerRecord partner) {
        return referral != null
                && referral.requestedAt != null
                && partner.partnerId.equals(referral.partnerId);
    }

    private Uni<String> bundle(List<ReferralRecord> found, PartnerRecord partner, UriInfo uri) {
        List<UUID> clientIds = found.stream().map(r -> r.clientId).distinct().toList();
        String base = publicUrl.toString().replaceAll("/+$", "") + uri.getRequestUri().getRawPath();
        return KnownClient.<KnownClient>list("clientId in ?1", clientIds)
                .map(
                        known -> {
                            Map<UUID, KnownClient> byId = new HashMap<>();
                            known.forEach(client -> byId.put(client.clientId, client));
                            Bundle bundle = new Bundle();
                            bundle.setType(Bundle.BundleType.SEARCHSET);
                            bundle.setTotal(found.size());
                            bundle.addLink().setRelation("self").setUrl(base + query(uri));
                            for (ReferralRecord referral : found) {
                                Task task =
                                        ReferralTasks.task(
                                                referral, byId.get(referral.clientId), partner);
                                bundle.addEntry()
                                        .setFullUrl(base + "/" + task.getIdPart())
                                        .setResource(task)
                                        .getSearch()
                                        .setMode(Bundle.SearchEntryMode.MATCH);
                            }
                            return Fhir.writer().encodeResourceToString(bundle);
                        });
    }

    private static String query(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null ? "" : "?" + raw;
    }

    private static Set<ReferralStatus> statuses(List<String> values) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String code : value.split(",")) {
                Task.TaskStatus status;
                try {
                    status = Task.TaskStatus.fromCode(code.trim());
                } catch (org.hl7.fhir.exceptions.FHIRException e) {
                    status = null;
                }
                Set<ReferralStatus> matching =
                        status == null ? Set.of() : ReferralTasks.statuses(status);
                if (matching.isEmpty()) {
                    throw new InvalidCommand(
                            "status",
                            "'"
                                    + code
                                    + "' is not a status a partner's Task takes: requested, received,"
                                    + " accepted, rejected, in-progress, completed, cancelled, on-hold,"
                                    + " failed");
                }
                statuses.addAll(matching);
            }
        }
        return statuses;
    }

    private static Task parse(String body, UUID id) {
        if (body == null || body.isBlank()) {
            throw new InvalidCommand("body", "is required: the Task");
        }
        Task task;
        try {
            task = Fhir.strictParser().parseResource(Task.class, body);
        } catch (DataFormatException e) {
            throw new InvalidCommand("body", "is not a FHIR R4 Task: " + e.getMessage());
        }
        if (task.hasIdElement() && !id.toString().equals(task.getIdElement().getIdPart())) {
            throw new InvalidCommand("id", "must be the id in the path, " + id);
        }
        return task;
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidCommand("body", "is not JSON: " + e.getOriginalMessage());
        }
    }

    private void validate(PartnerUpdate update) {
        Set<ConstraintViolation<PartnerUpdate>> violations = validator.validate(update);
        for (ConstraintViolation<PartnerUpdate> violation : violations) {
            String path = violation.getPropertyPath().toString().replaceAll("\\[\\d+]", "");
            throw new InvalidCommand(TASK_FIELDS.getOrDefault(path, path), violation.getMessage());
        }
    }

    private static Response fhir(String json) {
        return Response.ok(json).type(Fhir.JSON).build();
    }
}
