package org.careloop.treatment.careteam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's care team as its stream tells it: each clinician on it and their role. */
public record CareTeam(Map<String, CareTeamRole> members, boolean discharged) {

    public static final CareTeam EMPTY = new CareTeam(Map.of(), false);

    public static CareTeam of(List<CareTeamEvent> history) {
        Map<String, CareTeamRole> members = new LinkedHashMap<>();
        boolean discharged = false;
        for (CareTeamEvent event : history) {
            switch (event) {
                case CareTeamEvent.Assigned a -> {
                    members.put(a.clinician(), a.role());
                    discharged = false;
                }
                case CareTeamEvent.Unassigned u -> members.remove(u.clinician());
                case CareTeamEvent.Discharged d -> discharged = true;
            }
        }
        return new CareTeam(Map.copyOf(members), discharged);
    }

    public boolean includes(String clinician) {
        return members.containsKey(clinician);
    }

    public Optional<String> primary() {
        return members.entrySet().stream()
                .filter(e -> e.getValue() == CareTeamRole.PRIMARY)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
