package org.careloop.referral.access;

import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnWork;

/**
 * A referring clinician keeps the client within reach here while their referral is open: a
 * step-down drafted at discharge, when the care team is gone, is still theirs to complete, send and
 * review.
 */
@Singleton
public class ReferrerWork implements OwnWork {

    @Override
    public String clientsOf() {
        return "select client_id from referral where referred_by = $1 and status in ('DRAFT',"
                + " 'REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'ON_HOLD')";
    }
}
