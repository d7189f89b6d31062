package org.careloop.platform.projection;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an administrator rebuild any projection of this service from history. */
@Path("/admin/projections")
@RolesAllowed("admin")
@Tag(name = "Administration")
public class ProjectionResource {

    private final ProjectionRebuilder rebuilder;

    ProjectionResource(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @GET
    @Operation(summary = "Names of the projections this service keeps")
    public List<String> list() {
        return rebuilder.names();
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(
            summary =
                    "Drop a projection and replay its history into it; reports events processed and time taken")
    public Uni<ProjectionRebuilder.RebuildReport> rebuild(@PathParam("name") String name) {
        Projection projection =
                rebuilder
                        .find(name)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                Problem.notFound(
                                                        "projection",
                                                        "no projection named '"
                                                                + name
                                                                + "'; known: "
                                                                + rebuilder.names())));
        return rebuilder.rebuild(projection);
    }
}
