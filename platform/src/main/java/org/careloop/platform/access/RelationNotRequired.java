package org.careloop.platform.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route with a client in its path that a caller may use without a relation to the client:
 * breaking the glass (anyone), or a supervisor putting a clinician on a new client's care team. The
 * request is still audited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RelationNotRequired {

    /** The roles that need no relation here; empty for every role the route allows. */
    String[] roles() default {};
}
