-- Requirements of a suite with their acceptance criteria (issue 25). A criterion's hash fingerprints its wording;
-- a case remembers the hash it was generated from (case_traces.verified), so a changed criterion makes exactly the
-- cases generated from its older wording stale, computed on read.

CREATE TABLE requirements (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    suite_id    bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    reference   text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 30),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT requirements_suite_reference_uq UNIQUE (suite_id, reference)
);

CREATE TABLE acceptance_criteria (
    requirement_id bigint  NOT NULL REFERENCES requirements (id) ON DELETE CASCADE,
    code           text    NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    position       integer NOT NULL CHECK (position >= 0),
    text           text    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    hash           text    NOT NULL,
    PRIMARY KEY (requirement_id, code)
);

-- One trace per case: the requirement it was generated from, its kind, the criteria it verifies with the hash of
-- their wording at generation ({"AC1":"…"}), and which criteria each step of revision `revision` verifies ([["AC1"],…]).
CREATE TABLE case_traces (
    case_id        bigint  PRIMARY KEY REFERENCES test_cases (id) ON DELETE CASCADE,
    requirement_id bigint  NOT NULL REFERENCES requirements (id) ON DELETE CASCADE,
    kind           text    NOT NULL CHECK (kind IN ('normal', 'boundary', 'error')),
    verified       jsonb   NOT NULL CHECK (jsonb_typeof(verified) = 'object'),
    revision       integer NOT NULL CHECK (revision >= 1),
    steps          jsonb   NOT NULL CHECK (jsonb_typeof(steps) = 'array')
);

CREATE INDEX case_traces_requirement_idx ON case_traces (requirement_id);
