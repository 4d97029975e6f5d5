-- How a generated revision was made (issue 25): provider, model, prompt template and schema versions, attempts,
-- tokens and duration. NULL for a person's edit and for revisions generated before this was recorded.

ALTER TABLE procedure_revisions
    ADD COLUMN provider        text,
    ADD COLUMN model           text,
    ADD COLUMN prompt_template text,
    ADD COLUMN schema_version  text,
    ADD COLUMN attempts        integer CHECK (attempts >= 1),
    ADD COLUMN input_tokens    bigint  CHECK (input_tokens >= 0),
    ADD COLUMN output_tokens   bigint  CHECK (output_tokens >= 0),
    ADD COLUMN duration_ms     bigint  CHECK (duration_ms >= 0);
