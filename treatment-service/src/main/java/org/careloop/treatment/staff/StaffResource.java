package org.careloop.treatment.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff credentials: who is licensed, who supervises whom, and each clinician's NPI. */
@Path("/staff/{username}")
@Tag(name = "Staff")
public class StaffResource {

    /** Keycloak's usernames as this realm issues them. */
    static final String USERNAME = "[a-z0-9][a-z0-9._-]{0,63}";

    private final Commands commands;
    private final StaffRoster roster;
    private final Staff caller;
    private final Clock clock;

    StaffResource(Commands commands, StaffRoster roster, Staff caller, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Record a staff member's credential, licence, supervisor and NPI; publishes StaffCredentialed")
    public Uni<StaffView> credential(
            @PathParam("username") String username,
            @NotNull(message = "a JSON body is required") @Valid CredentialStaff command) {
        String who = username(username);
        Instant now = clock.instant();
        return Panache.withTransaction(
                        () ->
                                supervisorOf(command)
                                        .flatMap(
                                                supervisor ->
                                                        commands.handle(
                                                                StreamId.of(StaffEvent.STREAM, who),
                                                                StaffEvent.class,
                                                                history -> {
                                                                    List<StaffEvent> events =
                                                                            StaffDecider.credential(
                                                                                    who,
                                                                                    command,
                                                                                    current(
                                                                                            history
                                                                                                    .events()),
                                                                                    supervisor,
                                                                                    caller
                                                                                            .username(),
                                                                                    now);
                                                                    return new Decision<>(
                                                                            events,
                                                                            published(events));
                                                                },
                                                                caller.username()))
                                        .flatMap(recorded -> roster.find(who)))
                .map(StaffView::of);
    }

    @GET
    @RolesAllowed({"clinician", "supervisor", "admin", "billing"})
    @Operation(summary = "A staff member's credential")
    public Uni<StaffView> get(@PathParam("username") String username) {
        String who = username(username);
        return Panache.withSession(() -> roster.find(who))
                .map(
                        member -> {
                            if (member == null) {
                                throw new ProblemException(
                                        Problem.notFound("staff", "no staff record for " + who));
                            }
                            return StaffView.of(member);
                        });
    }

    private Uni<StaffEvent.Credentialed> supervisorOf(CredentialStaff command) {
        if (command.supervisor() == null || command.supervisor().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return roster.find(command.supervisor().strip())
                .map(member -> member == null ? null : member.asRecord());
    }

    static String username(String username) {
        if (username == null || !username.matches(USERNAME)) {
            throw new InvalidCommand(
                    "username", "must be a username: lower-case letters, digits, . _ -");
        }
        return username;
    }

    private static StaffEvent.Credentialed current(List<StaffEvent> history) {
        return history.isEmpty() ? null : (StaffEvent.Credentialed) history.getLast();
    }

    private static List<IntegrationEvent> published(List<StaffEvent> events) {
        return events.stream()
                .map(
                        event -> {
                            StaffEvent.Credentialed e = (StaffEvent.Credentialed) event;
                            return (IntegrationEvent)
                                    new StaffCredentialed(
                                            e.username(),
                                            e.displayName(),
                                            e.credential().name(),
                                            e.licensed(),
                                            e.supervisor(),
                                            e.npi(),
                                            e.credentialedAt(),
                                            e.credentialedBy());
                        })
                .toList();
    }

    /** A staff member's credential as the API shows it. */
    public record StaffView(
            String username,
            String displayName,
            String credential,
            boolean licensed,
            String supervisor,
            String npi,
            Instant updatedAt,
            String updatedBy) {

        static StaffView of(StaffMember m) {
            return new StaffView(
                    m.username,
                    m.displayName,
                    m.credential,
                    m.licensed,
                    m.supervisor,
                    m.npi,
                    m.updatedAt,
                    m.updatedBy);
        }
    }
}
