package org.careloop.billing.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Codes a delivered session to the CPT lines a claim carries. A pure function of its arguments. */
public final class Coder {

    static final String INTERACTIVE_COMPLEXITY = "90785";

    // CPT: +90785 is an add-on to 90791, 90832-90837 and 90853 only, never to crisis or family
    // psychotherapy.
    private static final Set<String> TAKES_INTERACTIVE_COMPLEXITY =
            Set.of("90791", "90832", "90834", "90837", "90853");

    // CPT: psychotherapy needs 16 minutes; 90832 16-37, 90834 38-52, 90837 53 or more.
    private static final int PSYCHOTHERAPY_MINIMUM = 16;
    private static final int PSYCHOTHERAPY_45_FROM = 38;
    private static final int PSYCHOTHERAPY_60_FROM = 53;

    // CPT: 90839 covers the first 60 minutes and is reportable for 30-74 minutes; each further 30
    // minutes beyond 74 adds a unit of +90840. Under 30 minutes is psychotherapy by its time.
    private static final int CRISIS_MINIMUM = 30;
    private static final int CRISIS_ADD_ON_FROM = 75;
    private static final int CRISIS_ADD_ON_MINUTES = 30;

    // CPT: 90846 and 90847 are reportable from 26 minutes.
    private static final int FAMILY_MINIMUM = 26;

    private Coder() {}

    /**
     * Codes one session. Interactive complexity is added only to codes that may carry it and left
     * off the others. A null {@code telehealth} means the payer takes the standard modifiers.
     */
    public static Coding code(CodingRequest request, TelehealthModifiers telehealth) {
        Objects.requireNonNull(request, "request is required");
        TelehealthModifiers payer =
                telehealth == null ? TelehealthModifiers.standard() : telehealth;

        List<Code> codes = new ArrayList<>(codes(request.kind(), request.minutes()));
        if (codes.isEmpty()) {
            return Coding.held(CodingHold.BELOW_MINIMUM_TIME);
        }
        if (request.interactiveComplexity()
                && TAKES_INTERACTIVE_COMPLEXITY.contains(codes.getFirst().cpt())) {
            codes.add(new Code(INTERACTIVE_COMPLEXITY, 1));
        }

        List<String> modifiers = modifiers(request.modality(), payer);
        String placeOfService = placeOfService(request.modality(), request.clientLocation());
        List<ServiceLine> lines =
                codes.stream()
                        .map(c -> new ServiceLine(c.cpt(), c.units(), modifiers, placeOfService))
                        .toList();
        return new Coding(lines, List.of());
    }

    private static List<Code> codes(SessionKind kind, int minutes) {
        return switch (kind) {
            case INDIVIDUAL -> psychotherapy(minutes);
            case CRISIS -> minutes < CRISIS_MINIMUM ? psychotherapy(minutes) : crisis(minutes);
            case FAMILY_WITHOUT_CLIENT -> family("90846", minutes);
            case FAMILY_WITH_CLIENT -> family("90847", minutes);
            case GROUP -> List.of(new Code("90853", 1));
            case DIAGNOSTIC_EVALUATION -> List.of(new Code("90791", 1));
        };
    }

    private static List<Code> psychotherapy(int minutes) {
        if (minutes < PSYCHOTHERAPY_MINIMUM) {
            return List.of();
        }
        if (minutes < PSYCHOTHERAPY_45_FROM) {
            return List.of(new Code("90832", 1));
        }
        if (minutes < PSYCHOTHERAPY_60_FROM) {
            return List.of(new Code("90834", 1));
        }
        return List.of(new Code("90837", 1));
    }

    private static List<Code> crisis(int minutes) {
        if (minutes < CRISIS_ADD_ON_FROM) {
            return List.of(new Code("90839", 1));
        }
        int addOnUnits = (minutes - CRISIS_ADD_ON_FROM) / CRISIS_ADD_ON_MINUTES + 1;
        return List.of(new Code("90839", 1), new Code("90840", addOnUnits));
    }

    private static List<Code> family(String cpt, int minutes) {
        return minutes < FAMILY_MINIMUM ? List.of() : List.of(new Code(cpt, 1));
    }

    private static List<String> modifiers(Modality modality, TelehealthModifiers payer) {
        return switch (modality) {
            case IN_PERSON -> List.of();
            case VIDEO -> List.of(payer.video());
            case AUDIO_ONLY -> List.of(payer.audioOnly());
        };
    }

    // CMS place-of-service codes: 10 is telehealth with the client at home, 02 telehealth anywhere
    // else.
    private static String placeOfService(Modality modality, ClientLocation location) {
        if (modality == Modality.IN_PERSON) {
            return switch (location) {
                case CLINIC -> "11";
                case HOME -> "12";
                case OTHER -> "99";
            };
        }
        return location == ClientLocation.HOME ? "10" : "02";
    }

    private record Code(String cpt, int units) {}
}
