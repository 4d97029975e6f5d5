-- Test-case generation context: suites shared by a team, test cases with their procedure history, and the durable
-- generation queue (batches of jobs) that every app instance shares.

CREATE TABLE suites (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    team        text        NOT NULL CHECK (length(team) BETWEEN 1 AND 200),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A person sees the suites of their teams, newest first.
CREATE INDEX suites_team_newest_idx ON suites (team, created_at DESC, id DESC);

-- current_revision points into procedure_revisions (NULL: no procedure yet). version grows by one on every change,
-- so a change based on a stale read is refused (UPDATE ... WHERE version = ?).
CREATE TABLE test_cases (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    suite_id              bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    key                   text        NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
    title                 text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    preconditions         text        NOT NULL DEFAULT '' CHECK (length(preconditions) <= 10000),
    expected_result       text        NOT NULL DEFAULT '' CHECK (length(expected_result) <= 10000),
    requirement_reference text        NOT NULL DEFAULT '' CHECK (length(requirement_reference) <= 200),
    requirement_text      text        NOT NULL DEFAULT '' CHECK (length(requirement_text) <= 10000),
    priority              text        NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    tags                  text[]      NOT NULL DEFAULT '{}',
    status                text        NOT NULL DEFAULT 'draft'
                                      CHECK (status IN ('draft', 'queued', 'generating', 'generated', 'approved', 'failed')),
    failure_reason        text,
    reviewer_feedback     text,
    current_revision      integer     CHECK (current_revision >= 1),
    version               bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- The database decides: two imports creating the same key at once yield one case.
    CONSTRAINT test_cases_suite_key_uq UNIQUE (suite_id, key)
);

CREATE INDEX test_cases_suite_status_idx ON test_cases (suite_id, status);

-- Every version of a case's procedure. The primary key makes storing the same revision twice a no-op, so a
-- generation job that ran twice cannot add a second revision.
CREATE TABLE procedure_revisions (
    case_id    bigint      NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    number     integer     NOT NULL CHECK (number >= 1),
    steps      jsonb       NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
    kind       text        NOT NULL CHECK (kind IN ('generated', 'edited')),
    author     text,
    created_at timestamptz NOT NULL,
    summary    text        NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, number)
);

CREATE TABLE batches (
    id           uuid PRIMARY KEY,
    suite_id     bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    requested_by text        NOT NULL,
    created_at   timestamptz NOT NULL,
    size         integer     NOT NULL CHECK (size >= 1),
    cancelled_at timestamptz
);

CREATE INDEX batches_suite_newest_idx ON batches (suite_id, created_at DESC, id DESC);

-- One job per case of a batch. A claim leases the job (lease_owner, lease_until) and counts an attempt; every later
-- change names the claim (owner and attempt) it acts on, so a holder whose lease expired cannot change the job.
CREATE TABLE generation_jobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id    uuid        NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    case_id     bigint      NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    state       text        NOT NULL DEFAULT 'queued'
                            CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    attempt     integer     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    run_after   timestamptz NOT NULL DEFAULT now(),
    lease_owner text,
    lease_until timestamptz,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_until IS NOT NULL)),
    CHECK ((state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);

-- The claim reads two small partial indexes: queued jobs that are due, and running jobs whose lease expired.
CREATE INDEX generation_jobs_due_idx ON generation_jobs (run_after, id) WHERE state = 'queued';
CREATE INDEX generation_jobs_lease_idx ON generation_jobs (lease_until) WHERE state = 'running';
-- Hand-back on shutdown finds a worker's jobs; progress counts a batch's jobs per state.
CREATE INDEX generation_jobs_owner_idx ON generation_jobs (lease_owner) WHERE state = 'running';
CREATE INDEX generation_jobs_batch_state_idx ON generation_jobs (batch_id, state);
-- A case is in at most one unfinished job: queueing it twice at once cannot create two.
CREATE UNIQUE INDEX generation_jobs_one_open_per_case_uq ON generation_jobs (case_id) WHERE state IN ('queued', 'running');
