package org.careloop.treatment.plan;

/** The clinician writing a version, with their licence and supervisor as the roster has them. */
public record PlanAuthor(String username, boolean licensed, String supervisor) {}
