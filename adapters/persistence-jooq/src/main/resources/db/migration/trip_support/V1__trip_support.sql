-- Trip support context: trips with their visits, itinerary and expense plan; assistant conversations with their
-- full history and the changes the assistant proposed. Every row hangs off a trip, and a trip has one owner.

CREATE TABLE trips (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id     text        NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 200),
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    purpose      text        NOT NULL CHECK (length(purpose) <= 2000),
    origin       text        NOT NULL CHECK (length(origin) BETWEEN 1 AND 100),
    destinations text[]      NOT NULL CHECK (cardinality(destinations) BETWEEN 1 AND 10),
    start_date   date        NOT NULL,
    end_date     date        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('planned', 'approved', 'completed', 'cancelled')),
    -- optimistic concurrency: every save bumps it, a save based on an older version changes nothing
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date)
);
CREATE INDEX trips_owner_start_idx ON trips (owner_id, start_date, id);

-- Times of a visit are local to the place visited, hence timestamp without time zone.
CREATE TABLE visits (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id           bigint    NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    company           text      NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    contacts          text[]    NOT NULL DEFAULT '{}',
    location          text      NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
    starts_at         timestamp NOT NULL,
    duration_minutes  integer   NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    agenda            text      NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000),
    notes             text      NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
    preparation_notes text      CHECK (length(preparation_notes) <= 20000),
    version           bigint    NOT NULL DEFAULT 0
);
CREATE INDEX visits_trip_start_idx ON visits (trip_id, starts_at, id);

-- The itinerary is replaced as a whole (a draft accepted, or the user's edit); items keep their day order.
CREATE TABLE itineraries (
    trip_id    bigint      PRIMARY KEY REFERENCES trips (id) ON DELETE CASCADE,
    source     text        NOT NULL CHECK (source IN ('assistant-draft', 'user')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE itinerary_items (
    trip_id    bigint  NOT NULL REFERENCES itineraries (trip_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    day        date    NOT NULL,
    start_time time    NOT NULL,
    end_time   time,
    kind       text    NOT NULL CHECK (kind IN ('transport', 'meeting', 'hotel', 'meal', 'free-time')),
    title      text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    place      text    NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    notes      text    NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    PRIMARY KEY (trip_id, position)
);

-- The expense plan is one document the traveller replaces whole; the estimate is computed from it, never stored.
CREATE TABLE expense_plans (
    trip_id    bigint      PRIMARY KEY REFERENCES trips (id) ON DELETE CASCADE,
    plan       jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- turn_token / turn_lease_until: the one turn allowed to run now (claimed by a conditional UPDATE, freed at the end
-- of the turn or by expiry when an instance died mid-turn).
CREATE TABLE conversations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id          bigint      NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    owner_id         text        NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 200),
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    turn_token       text,
    turn_lease_until timestamptz
);
CREATE INDEX conversations_trip_idx ON conversations (trip_id, created_at, id);

-- The whole history, never rewritten (the model sees a recent window). tool_calls is a JSON array of
-- {"id","name","arguments"} on assistant messages; a tool result answers one call by tool_call_id.
CREATE TABLE messages (
    conversation_id bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sequence        bigint      NOT NULL CHECK (sequence >= 1),
    kind            text        NOT NULL CHECK (kind IN ('system', 'user', 'assistant', 'tool-result')),
    text            text        NOT NULL,
    tool_calls      jsonb       NOT NULL DEFAULT '[]',
    tool_call_id    text,
    tool_name       text,
    at              timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, sequence)
);

-- change is the proposed change as JSON with a "type" (add-visit, move-visit, replace-itinerary,
-- set-preparation-notes); nothing happens to the trip until the user accepts.
CREATE TABLE proposals (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    trip_id         bigint      NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    change          jsonb       NOT NULL,
    summary         text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
    status          text        NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    created_at      timestamptz NOT NULL,
    decided_at      timestamptz
);
CREATE INDEX proposals_conversation_idx ON proposals (conversation_id, id);
