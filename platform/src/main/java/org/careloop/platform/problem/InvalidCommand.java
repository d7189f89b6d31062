package org.careloop.platform.problem;

/**
 * A command the domain refuses because one of its fields breaks a rule; answered as a 400 naming
 * the field.
 */
public class InvalidCommand extends ProblemException {

    public InvalidCommand(String field, String message) {
        super(Problem.invalid(field, message));
    }
}
