package org.careloop.treatment.staff;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every staff member's current credential, projected from the staff streams. */
@ApplicationScoped
public class StaffRoster implements StoreProjection {

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public String table() {
        return "staff_member";
    }

    @Override
    public String streamType() {
        return StaffEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return StaffMember.deleteAll().replaceWithVoid();
    }

    public Uni<StaffMember> find(String username) {
        return StaffMember.findById(username);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        StaffEvent.Credentialed event = (StaffEvent.Credentialed) stored.decode(StaffEvent.class);
        return StaffMember.<StaffMember>findById(event.username())
                .flatMap(
                        found -> {
                            StaffMember member = found == null ? new StaffMember() : found;
                            member.username = event.username();
                            member.displayName = event.displayName();
                            member.credential = event.credential().name();
                            member.licensed = event.licensed();
                            member.supervisor = event.supervisor();
                            member.npi = event.npi();
                            member.updatedAt = event.credentialedAt();
                            member.updatedBy = event.credentialedBy();
                            return found == null
                                    ? member.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
