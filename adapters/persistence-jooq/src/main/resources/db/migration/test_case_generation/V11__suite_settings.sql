-- A suite's guidance for the model (issue 25): glossary, example procedures, extra instructions. Each change is a
-- new version; generation reads the newest. The primary key refuses two writers storing the same next version.

CREATE TABLE suite_settings (
    suite_id     bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    version      integer     NOT NULL CHECK (version >= 1),
    glossary     jsonb       NOT NULL CHECK (jsonb_typeof(glossary) = 'array'),
    examples     jsonb       NOT NULL CHECK (jsonb_typeof(examples) = 'array'),
    instructions text        NOT NULL DEFAULT '' CHECK (length(instructions) <= 5000),
    author       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (suite_id, version)
);
