package dev.concierge.domain.testcasegeneration.port.in;

/** What an export worker (any instance) does: make the file of the next waiting export. */
public interface RunExportsUseCase {
    /** Claims the next queued export and makes its file; false when none was waiting. Never throws for a failed export. */
    boolean runNext();
}
