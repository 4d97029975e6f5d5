package dev.concierge.domain.testcasegeneration.model;

/** A case as a coverage listing names it. */
public record CaseRef(TestCaseId id, TestCaseKey key, String title, CaseStatus status) {}
