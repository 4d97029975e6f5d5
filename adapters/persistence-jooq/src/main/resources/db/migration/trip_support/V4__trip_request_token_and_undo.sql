-- request_token: the token of the form (or API client) that created the trip. Sending the same form again (Back, then
-- submit; a retried request) finds the trip it already made instead of creating a second one. NULLs never collide.
ALTER TABLE trips ADD COLUMN request_token text CHECK (request_token IS NULL OR length(request_token) BETWEEN 1 AND 100);
ALTER TABLE trips ADD CONSTRAINT trips_owner_request_token_uq UNIQUE (owner_id, request_token);

-- A deleted trip is hidden first (deleted_at set), so its owner can undo the deletion; it and everything it holds are
-- removed for good once it has stayed deleted a day.
ALTER TABLE trips ADD COLUMN deleted_at timestamptz;
CREATE INDEX trips_deleted_idx ON trips (deleted_at) WHERE deleted_at IS NOT NULL;
