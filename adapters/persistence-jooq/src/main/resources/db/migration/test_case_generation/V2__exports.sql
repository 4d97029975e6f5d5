-- Exports of a suite made in the background (issue 19): their state is shared by every instance, their files live in
-- the file store (S3 in AWS, a directory on a laptop) under file_key.

CREATE TABLE exports (
    id           uuid PRIMARY KEY,
    suite_id     bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    format       text        NOT NULL CHECK (format IN ('csv', 'md', 'xlsx')),
    state        text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'ready', 'failed')),
    requested_by text        NOT NULL,
    created_at   timestamptz NOT NULL,
    -- While running: the instance holding it must finish by then, else another instance claims it again.
    lease_until  timestamptz,
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    finished_at  timestamptz,
    file_key     text,
    size_bytes   bigint      NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
    case_count   bigint      NOT NULL DEFAULT 0 CHECK (case_count >= 0),
    failure      text,
    CONSTRAINT exports_ready_has_file CHECK (state <> 'ready' OR file_key IS NOT NULL)
);

-- Workers look for the oldest export waiting or abandoned; finished exports leave this index.
CREATE INDEX exports_waiting_idx ON exports (created_at) WHERE state IN ('queued', 'running');
