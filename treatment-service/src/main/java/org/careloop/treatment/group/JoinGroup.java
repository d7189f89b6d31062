package org.careloop.treatment.group;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Put a client on a group's roster. */
public record JoinGroup(@NotNull UUID clientId) {}
