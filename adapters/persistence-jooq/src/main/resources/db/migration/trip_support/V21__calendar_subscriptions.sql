-- One private calendar feed per user. Only the SHA-256 of the secret token is kept: whoever reads this table cannot
-- subscribe as the user; regenerating replaces the row, revoking deletes it.
CREATE TABLE calendar_subscriptions (
    user_id      text        PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 200),
    token_sha256 text        NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    created_at   timestamptz NOT NULL DEFAULT now()
);
