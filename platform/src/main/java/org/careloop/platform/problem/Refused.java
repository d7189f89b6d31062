package org.careloop.platform.problem;

/**
 * A command the domain refuses as it stands: a 409 when it is out of order with what has happened
 * (a second signature, a note already locked), a 403 when the caller is not the one who may do it
 * (a wrong signer). The slug names the rule, so a client can tell one refusal from another.
 */
public class Refused extends ProblemException {

    private Refused(Problem problem) {
        super(problem);
    }

    public static Refused conflict(String slug, String detail) {
        return new Refused(Problem.of(slug, "Conflict", 409, detail));
    }

    public static Refused forbidden(String slug, String detail) {
        return new Refused(Problem.of(slug, "Forbidden", 403, detail));
    }

    public static Refused notFound(String what, String detail) {
        return new Refused(Problem.notFound(what, detail));
    }
}
