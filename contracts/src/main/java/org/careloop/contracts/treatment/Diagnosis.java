package org.careloop.contracts.treatment;

/** A diagnosis coded in ICD-10-CM (e.g. F32.1); in a list, the primary one comes first. */
public record Diagnosis(String code, String description) {}
