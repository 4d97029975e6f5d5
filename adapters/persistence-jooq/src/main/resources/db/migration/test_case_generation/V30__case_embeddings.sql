-- Issue 25, duplicates caught: each case's embedding vector, made by the configured provider's embedding model.
-- real[] rather than pgvector's vector type: the embedded PostgreSQL (and a plain Aurora without the extension) has no
-- pgvector, and a suite's vectors are compared in the application (cosine over a few thousand vectors), not by an index.
-- The model is kept with the vector so a model change embeds again; text_hash is the hash of the text embedded, so
-- an unchanged case is never sent to the model twice.
CREATE TABLE case_embeddings (
    case_id     bigint      PRIMARY KEY REFERENCES test_cases (id) ON DELETE CASCADE,
    suite_id    bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    model       text        NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    text_hash   text        NOT NULL,
    vector      real[]      NOT NULL CHECK (cardinality(vector) BETWEEN 1 AND 16384),
    embedded_at timestamptz NOT NULL
);

CREATE INDEX case_embeddings_suite_idx ON case_embeddings (suite_id, model);

-- The similar pairs found when the newer case of each was embedded (compared with the suite then, one case at a time),
-- from a floor of 0.80 or the threshold: listing a suite's duplicates reads these instead of comparing every vector.
CREATE TABLE duplicate_pairs (
    suite_id    bigint NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    first_case  bigint NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    second_case bigint NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    similarity  real   NOT NULL CHECK (similarity BETWEEN -1 AND 1),
    PRIMARY KEY (first_case, second_case),
    CHECK (first_case < second_case)
);

CREATE INDEX duplicate_pairs_suite_idx ON duplicate_pairs (suite_id, similarity DESC);
CREATE INDEX duplicate_pairs_second_idx ON duplicate_pairs (second_case);

-- "Not a duplicate": a pair a person dismissed stays out of the duplicates list. first_case < second_case.
CREATE TABLE duplicate_dismissals (
    suite_id     bigint      NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
    first_case   bigint      NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    second_case  bigint      NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    dismissed_by text        NOT NULL,
    dismissed_at timestamptz NOT NULL,
    PRIMARY KEY (first_case, second_case),
    CHECK (first_case < second_case)
);

CREATE INDEX duplicate_dismissals_suite_idx ON duplicate_dismissals (suite_id);
