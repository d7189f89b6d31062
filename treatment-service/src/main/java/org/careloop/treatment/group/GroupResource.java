package org.careloop.treatment.group;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Therapy groups: forming one, its roster, and the sessions it holds. */
@Path("/groups")
@Tag(name = "Groups")
public class GroupResource {

    private final Groups groups;
    private final TherapyGroups projection;
    private final GroupRosters rosters;
    private final Staff caller;

    GroupResource(Groups groups, TherapyGroups projection, GroupRosters rosters, Staff caller) {
        this.groups = groups;
        this.projection = projection;
        this.rosters = rosters;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Form a therapy group, led by a facilitator with a staff record")
    public Uni<Response> form(
            @NotNull(message = "a JSON body is required") @Valid FormGroup command,
            @Context UriInfo uri) {
        return Panache.withTransaction(() -> groups.form(command, caller.username()))
                .flatMap(
                        groupId ->
                                view(groupId)
                                        .map(
                                                view ->
                                                        Response.created(location(uri, groupId))
                                                                .entity(view)
                                                                .build()));
    }

    @GET
    @Path("/{groupId}")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "A group: who leads it, its roster now and the sessions it held")
    public Uni<GroupView> get(@PathParam("groupId") String groupId) {
        return view(Ids.uuid("groupId", groupId));
    }

    @POST
    @Path("/{groupId}/members")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Put a client known here on the group's roster")
    public Uni<GroupView> join(
            @PathParam("groupId") String groupId,
            @NotNull(message = "a JSON body is required") @Valid JoinGroup command) {
        UUID id = Ids.uuid("groupId", groupId);
        return Panache.withTransaction(() -> groups.join(id, command.clientId(), caller.username()))
                .flatMap(done -> view(id));
    }

    @DELETE
    @Path("/{groupId}/members/{clientId}")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(summary = "Take a client off the group's roster")
    public Uni<GroupView> leave(
            @PathParam("groupId") String groupId, @PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("groupId", groupId);
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withTransaction(() -> groups.leave(id, client, caller.username()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/{groupId}/sessions")
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "The facilitator records a session the group held: attendance per member, and a GROUP "
                            + "session note (a DRAFT until its author signs) for each member present")
    public Uni<Response> hold(
            @PathParam("groupId") String groupId,
            @NotNull(message = "a JSON body is required") @Valid HoldGroupSession command,
            @Context UriInfo uri) {
        UUID id = Ids.uuid("groupId", groupId);
        return Panache.withTransaction(() -> groups.hold(id, command, caller.username()))
                .map(
                        held ->
                                Response.created(location(uri, id))
                                        .entity(GroupView.HeldSession.of(held))
                                        .build());
    }

    private Uni<GroupView> view(UUID groupId) {
        return Panache.withSession(
                () ->
                        projection
                                .find(groupId)
                                .flatMap(
                                        group -> {
                                            if (group == null) {
                                                throw Refused.notFound(
                                                        "group", "no group " + groupId);
                                            }
                                            return rosters.of(groupId)
                                                    .map(members -> GroupView.of(group, members));
                                        }));
    }

    private static URI location(UriInfo uri, UUID groupId) {
        return uri.getBaseUriBuilder().path("groups").path(groupId.toString()).build();
    }
}
