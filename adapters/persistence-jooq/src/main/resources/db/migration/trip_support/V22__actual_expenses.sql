-- What the trip really cost, entered after it, each with an optional receipt kept in the file store under receipt_key.
-- estimate_line: the line of the estimate it answers (its index when entered), compared line by line in the report.
CREATE TABLE actual_expenses (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id              bigint      NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    spent_on             date        NOT NULL,
    category             text        NOT NULL CHECK (category IN ('lodging', 'per-diem', 'transport', 'other')),
    description          text        NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    city                 text        NOT NULL DEFAULT '' CHECK (length(city) <= 100),
    amount               bigint      NOT NULL CHECK (amount BETWEEN 0 AND 100000000),
    nights               integer     CHECK (nights BETWEEN 1 AND 90),
    estimate_line        integer     CHECK (estimate_line >= 0),
    receipt_key          text        CHECK (length(receipt_key) <= 512),
    receipt_name         text        CHECK (length(receipt_name) <= 200),
    receipt_content_type text        CHECK (length(receipt_content_type) <= 100),
    receipt_size         bigint,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actual_expenses_trip_idx ON actual_expenses (trip_id, spent_on, id);

-- A filed expense report: its actual expenses no longer change.
CREATE TABLE expense_report_filings (
    trip_id  bigint      PRIMARY KEY REFERENCES trips (id) ON DELETE CASCADE,
    filed_at timestamptz NOT NULL
);
