package org.careloop.treatment.session;

/** The clinician documenting a session, with their licence and supervisor from the roster. */
public record SessionAuthor(String username, boolean licensed, String supervisor) {}
