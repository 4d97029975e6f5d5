-- Issue 25, scored steps and per-step review: what is known about each revision's quality is kept with it and goes
-- with it (the revision's key is the foreign key, ON DELETE CASCADE).

-- The deterministic checks' score (0-100) and findings: [{"step":2,"field":"action","rule":"one_action","args":[]}].
CREATE TABLE procedure_scores (
    case_id  bigint      NOT NULL,
    revision integer     NOT NULL,
    score    smallint    NOT NULL CHECK (score BETWEEN 0 AND 100),
    findings jsonb       NOT NULL CHECK (jsonb_typeof(findings) = 'array'),
    PRIMARY KEY (case_id, revision),
    FOREIGN KEY (case_id, revision) REFERENCES procedure_revisions (case_id, number) ON DELETE CASCADE
);

-- The optional second model pass: [{"step":2,"text":"…"}], "step" absent for the whole procedure. The latest pass wins.
CREATE TABLE model_reviews (
    case_id     bigint      NOT NULL,
    revision    integer     NOT NULL,
    findings    jsonb       NOT NULL CHECK (jsonb_typeof(findings) = 'array'),
    reviewed_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, revision),
    FOREIGN KEY (case_id, revision) REFERENCES procedure_revisions (case_id, number) ON DELETE CASCADE
);

-- A reviewer's decision on one step of a revision, with a note; earlier decisions stay, the latest counts.
CREATE TABLE step_reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    bigint      NOT NULL,
    revision   integer     NOT NULL,
    step       integer     NOT NULL CHECK (step >= 1),
    verdict    text        NOT NULL CHECK (verdict IN ('accepted', 'edited', 'regenerated')),
    note       text        NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    reviewer   text        NOT NULL,
    created_at timestamptz NOT NULL,
    FOREIGN KEY (case_id, revision) REFERENCES procedure_revisions (case_id, number) ON DELETE CASCADE
);

CREATE INDEX step_reviews_revision_idx ON step_reviews (case_id, revision, id);
