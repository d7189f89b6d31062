package org.careloop.referral.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.consent.Part2;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.problem.InputRules;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.PartnerRecord;
import org.careloop.referral.referral.PartnerStatus;
import org.careloop.referral.referral.PartnerUpdate;
import org.careloop.referral.referral.ReferralRecord;
import org.careloop.referral.referral.ReferralStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as its partner sees it: a FHIR R4 {@code Task} whose focus is the {@code
 * ServiceRequest} (service, urgency, reason, diagnoses) for the client's minimum necessary
 * demographics (a contained {@code Patient}); and a partner's {@code Task} back as its answer.
 */
public final class ReferralTasks {

    static final String SERVICE_TYPES = "urn:careloop:service-type";
    static final String CLIENTS = "urn:careloop:client";
    static final String PARTNERS = "urn:careloop:partner";
    static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";
    static final String SUMMARY = "summary";
    static final String RECOMMENDATIONS = "recommendations";
    static final String ATTACHMENT = "attachment";

    private static final String REQUEST = "servicerequest";
    private static final String PATIENT = "patient";

    private ReferralTasks() {}

    /** The Task of a sent referral, {@code client} as the directory knows them. */
    public static Task task(ReferralRecord referral, KnownClient client, PartnerRecord partner) {
        ReferralStatus status = ReferralStatus.valueOf(referral.status);
        Task task = new Task();
        task.setId(referral.referralId.toString());
        task.getMeta().setLastUpdated(Date.from(referral.updatedAt));
        task.setStatus(taskStatus(status));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.fromCode(priority(referral.urgency)));
        task.setCode(
                new CodeableConcept(
                        new Coding(TASK_CODES, "fulfill", "Fulfill the focal request")));
        task.setFocus(new Reference("#" + REQUEST));
        task.setFor(new Reference("#" + PATIENT));
        task.setAuthoredOn(Date.from(referral.requestedAt));
        task.setLastModified(Date.from(referral.updatedAt));
        task.setRequester(new Reference().setDisplay("CareLoop clinic, " + referral.referredBy));
        task.setOwner(
                new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(PARTNERS).setValue(partner.partnerId))
                        .setDisplay(partner.name));
        task.setBusinessStatus(new CodeableConcept().setText(businessStatus(referral, status)));
        String statusReason = statusReason(referral, status);
        if (statusReason != null) {
            task.setStatusReason(new CodeableConcept().setText(statusReason));
        }
        if (referral.seenDueAt != null) {
            task.getRestriction().setPeriod(new Period().setEnd(Date.from(referral.seenDueAt)));
        }
        if (referral.appointmentAt != null) {
            task.setExecutionPeriod(new Period().setStart(Date.from(referral.appointmentAt)));
        }
        if (referral.outcomeSummary != null) {
            task.addOutput(output(SUMMARY, referral.outcomeSummary));
            if (referral.outcomeRecommendations != null) {
                task.addOutput(output(RECOMMENDATIONS, referral.outcomeRecommendations));
            }
            for (String attachment : referral.attachments()) {
                task.addOutput(output(ATTACHMENT, attachment));
            }
        }
        task.addContained(request(referral, status));
        task.addContained(patient(referral.clientId, client));
        return task;
    }

    private static ServiceRequest request(ReferralRecord referral, ReferralStatus status) {
        ServiceRequest request = new ServiceRequest();
        request.setId(REQUEST);
        request.setStatus(requestStatus(status));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(
                ServiceRequest.ServiceRequestPriority.fromCode(priority(referral.urgency)));
        request.setCode(
                new CodeableConcept(
                                new Coding(
                                        SERVICE_TYPES,
                                        referral.serviceType,
                                        display(referral.serviceType)))
                        .setText(display(referral.serviceType)));
        request.setSubject(new Reference("#" + PATIENT));
        request.setAuthoredOn(Date.from(referral.requestedAt));
        request.setRequester(new Reference().setDisplay("CareLoop clinic, " + referral.referredBy));
        request.addReasonCode(new CodeableConcept().setText(referral.reason));
        List<String> diagnoses = referral.diagnoses();
        if (diagnoses != null) {
            for (String code : diagnoses) {
                request.addReasonCode(
                        new CodeableConcept(new Coding().setSystem(ICD_10_CM).setCode(code)));
            }
        }
        if (referral.notes != null) {
            request.addNote().setText(referral.notes);
        }
        if (referral.part2) {
            request.addNote().setText(Part2.REDISCLOSURE_NOTICE);
        }
        return request;
    }

    /** Who the client is, no more than the partner needs to reach and recognise them. */
    private static Patient patient(UUID clientId, KnownClient client) {
        Patient patient = new Patient();
        patient.setId(PATIENT);
        patient.addIdentifier().setSystem(CLIENTS).setValue(clientId.toString());
        if (client == null) {
            return patient;
        }
        patient.addName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(client.lastName)
                .addGiven(client.firstName);
        if (client.preferredName != null && !client.preferredName.isBlank()) {
            patient.addName().setUse(HumanName.NameUse.USUAL).addGiven(client.preferredName);
        }
        if (client.dateOfBirth != null) {
            patient.setBirthDateElement(new DateType(client.dateOfBirth.toString()));
        }
        if (client.phone != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(client.phone);
        }
        if (client.email != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(client.email);
        }
        if (client.preferredLanguage != null) {
            patient.addCommunication()
                    .setLanguage(new CodeableConcept().setText(client.preferredLanguage))
                    .setPreferred(true);
        }
        return patient;
    }

    private static Task.TaskOutputComponent output(String type, String text) {
        return new Task.TaskOutputComponent(
                new CodeableConcept().setText(type), new StringType(text));
    }

    static Task.TaskStatus taskStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> Task.TaskStatus.DRAFT;
            case REQUESTED -> Task.TaskStatus.REQUESTED;
            case RECEIVED -> Task.TaskStatus.RECEIVED;
            case ACCEPTED -> Task.TaskStatus.ACCEPTED;
            case REJECTED -> Task.TaskStatus.REJECTED;
            case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
            case COMPLETED, CLOSED -> Task.TaskStatus.COMPLETED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
            case ON_HOLD -> Task.TaskStatus.ONHOLD;
            case FAILED -> Task.TaskStatus.FAILED;
        };
    }

    /** The referral statuses a Task status stands for, in a search. */
    static Set<ReferralStatus> statuses(Task.TaskStatus status) {
        return switch (status) {
            case REQUESTED -> Set.of(ReferralStatus.REQUESTED);
            case RECEIVED -> Set.of(ReferralStatus.RECEIVED);
            case ACCEPTED -> Set.of(ReferralStatus.ACCEPTED);
            case REJECTED -> Set.of(ReferralStatus.REJECTED);
            case INPROGRESS -> Set.of(ReferralStatus.IN_PROGRESS);
            case COMPLETED -> Set.of(ReferralStatus.COMPLETED, ReferralStatus.CLOSED);
            case CANCELLED -> Set.of(ReferralStatus.CANCELLED);
            case ONHOLD -> Set.of(ReferralStatus.ON_HOLD);
            case FAILED -> Set.of(ReferralStatus.FAILED);
            default -> Set.of();
        };
    }

    private static ServiceRequest.ServiceRequestStatus requestStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS ->
                    ServiceRequest.ServiceRequestStatus.ACTIVE;
            case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case COMPLETED, CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case CANCELLED, REJECTED, FAILED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }

    /** EMERGENT is FHIR's stat. */
    private static String priority(String urgency) {
        return switch (urgency) {
            case "EMERGENT" -> "stat";
            case "URGENT" -> "urgent";
            default -> "routine";
        };
    }

    private static String businessStatus(ReferralRecord referral, ReferralStatus status) {
        return switch (status) {
            case REQUESTED, RECEIVED ->
                    referral.acceptanceOverdue ? "Acceptance overdue" : "Awaiting acceptance";
            case ACCEPTED ->
                    referral.seenOverdue
                            ? "First appointment overdue"
                            : "Accepted, first appointment to book";
            case IN_PROGRESS -> "First appointment booked";
            case COMPLETED -> "Outcome returned, awaiting the referring clinician's review";
            case CLOSED -> "Outcome reviewed by the referring clinician";
            case REJECTED -> "Declined";
            case CANCELLED -> "Cancelled by the clinic";
            case ON_HOLD -> "On hold at the clinic";
            case FAILED -> "Client not seen";
            case DRAFT -> "Draft";
        };
    }

    private static String statusReason(ReferralRecord referral, ReferralStatus status) {
        return switch (status) {
            case REJECTED, FAILED -> referral.partnerReason;
            default -> null;
        };
    }

    private static String display(String serviceType) {
        String words = serviceType.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return switch (serviceType) {
            case "IOP" -> "Intensive outpatient programme";
            case "PHP" -> "Partial hospitalisation programme";
            case "SUD_TREATMENT" -> "Substance use disorder treatment";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
        };
    }

    /**
     * What a partner's Task says, as an answer: its status, {@code statusReason.text} when it
     * declines or the client was never seen, {@code executionPeriod.start} for the first
     * appointment, {@code output} (summary, recommendations, attachments) with the outcome.
     */
    public static PartnerUpdate answer(Task task) {
        if (!task.hasStatus()) {
            throw new InvalidCommand("status", "is required");
        }
        PartnerStatus status =
                switch (task.getStatus()) {
                    case RECEIVED -> PartnerStatus.RECEIVED;
                    case ACCEPTED -> PartnerStatus.ACCEPTED;
                    case REJECTED -> PartnerStatus.REJECTED;
                    case INPROGRESS -> PartnerStatus.IN_PROGRESS;
                    case COMPLETED -> PartnerStatus.COMPLETED;
                    case FAILED -> PartnerStatus.FAILED;
                    default -> null;
                };
        if (status == null) {
            throw Refused.conflict(
                    "illegal-transition",
                    "a partner may set a Task's status to received, accepted, rejected, in-progress,"
                            + " completed or failed, not "
                            + task.getStatus().toCode());
        }
        String reason =
                task.hasStatusReason() && task.getStatusReason().hasText()
                        ? task.getStatusReason().getText()
                        : null;
        checked("statusReason.text", reason);
        if ((status == PartnerStatus.REJECTED || status == PartnerStatus.FAILED) && blank(reason)) {
            throw new InvalidCommand(
                    "statusReason.text",
                    "is required when the status is " + task.getStatus().toCode() + ": say why");
        }
        Instant appointment =
                task.hasExecutionPeriod() && task.getExecutionPeriod().hasStart()
                        ? task.getExecutionPeriod().getStart().toInstant()
                        : null;
        if (appointment != null && InputRules.instantDefect(appointment) != null) {
            throw new InvalidCommand(
                    "executionPeriod.start", InputRules.instantDefect(appointment));
        }
        if (status == PartnerStatus.IN_PROGRESS && appointment == null) {
            throw new InvalidCommand(
                    "executionPeriod.start",
                    "is required when the status is in-progress: the first appointment");
        }
        PartnerUpdate.Outcome outcome = null;
        if (status == PartnerStatus.COMPLETED) {
            outcome = outcome(task);
        }
        return new PartnerUpdate(status, reason, appointment, outcome);
    }

    private static PartnerUpdate.Outcome outcome(Task task) {
        String summary = null;
        String recommendations = null;
        List<String> attachments = new java.util.ArrayList<>();
        int index = 0;
        for (Task.TaskOutputComponent output : task.getOutput()) {
            String field = "output[" + index++ + "]";
            String type = output.hasType() ? output.getType().getText() : null;
            if (!(output.getValue() instanceof StringType text) || blank(text.getValue())) {
                throw new InvalidCommand(
                        field + ".valueString", "is required: the outcome as text");
            }
            checked(field + ".valueString", text.getValue());
            switch (type == null ? "" : type) {
                case SUMMARY -> summary = text.getValue();
                case RECOMMENDATIONS -> recommendations = text.getValue();
                case ATTACHMENT -> attachments.add(text.getValue());
                default ->
                        throw new InvalidCommand(
                                field + ".type.text",
                                "must be summary, recommendations or attachment");
            }
        }
        if (summary == null) {
            throw new InvalidCommand(
                    "output",
                    "needs an output with type.text summary when the status is completed: what the"
                            + " partner found or did");
        }
        return new PartnerUpdate.Outcome(summary, recommendations, attachments);
    }

    /** Text a partner sent, refused when it holds what no text of ours may. */
    private static void checked(String field, String text) {
        String defect = text == null ? null : InputRules.textDefect(text, true);
        if (defect != null) {
            throw new InvalidCommand(field, defect);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
