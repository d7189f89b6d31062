package org.careloop.treatment.careteam;

/** A clinician's part in a client's care; a client has one PRIMARY at a time. */
public enum CareTeamRole {
    PRIMARY,
    ASSOCIATE,
    PRESCRIBER,
    CASE_MANAGER
}
