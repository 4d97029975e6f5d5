-- Approval by someone else (issue 26): a trip is submitted, then approved or rejected by an approver; every
-- submission and its decision is kept (the approval history) with the estimate frozen at submission.

ALTER TABLE trips DROP CONSTRAINT trips_status_check;
ALTER TABLE trips ADD CONSTRAINT trips_status_check
    CHECK (status IN ('planned', 'submitted', 'approved', 'rejected', 'completed', 'cancelled'));

CREATE TABLE approval_requests (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id        bigint      NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    submitter_id   text        NOT NULL CHECK (length(submitter_id) BETWEEN 1 AND 200),
    -- the trip as submitted and its estimate then: what the approver decides on, whatever changes later
    trip           jsonb       NOT NULL,
    estimate       jsonb       NOT NULL,
    justifications jsonb       NOT NULL DEFAULT '{}',
    approver_group text,
    manager_id     text,
    submitted_at   timestamptz NOT NULL,
    outcome        text        CHECK (outcome IN ('approved', 'rejected')),
    decided_by     text,
    decided_at     timestamptz,
    decision_comment text      NOT NULL DEFAULT '' CHECK (length(decision_comment) <= 2000),
    CHECK ((outcome IS NULL) = (decided_by IS NULL) AND (outcome IS NULL) = (decided_at IS NULL)),
    -- self-approval is refused in the domain; the database keeps it out as well
    CHECK (decided_by IS DISTINCT FROM submitter_id),
    CHECK (approver_group IS NOT NULL OR manager_id IS NOT NULL)
);
CREATE INDEX approval_requests_trip_idx ON approval_requests (trip_id, id);
-- an approver's queue: undecided requests by group or by named manager
CREATE INDEX approval_requests_pending_group_idx ON approval_requests (approver_group, id) WHERE outcome IS NULL;
CREATE INDEX approval_requests_pending_manager_idx ON approval_requests (manager_id, id) WHERE outcome IS NULL;
-- one undecided submission per trip
CREATE UNIQUE INDEX approval_requests_one_pending_idx ON approval_requests (trip_id) WHERE outcome IS NULL;

CREATE TABLE notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id text        NOT NULL CHECK (length(recipient_id) BETWEEN 1 AND 200),
    kind         text        NOT NULL CHECK (kind IN ('submitted', 'approved', 'rejected')),
    approval_id  bigint      NOT NULL REFERENCES approval_requests (id) ON DELETE CASCADE,
    trip_id      bigint      NOT NULL,
    trip_title   text        NOT NULL,
    actor_id     text        NOT NULL,
    at           timestamptz NOT NULL,
    comment      text        NOT NULL DEFAULT '',
    read_at      timestamptz
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, id DESC);
