-- When a customer can receive a visit, as times of the visit's own day; the day's route fits visits into them.
CREATE TABLE visit_windows (
    visit_id        bigint PRIMARY KEY REFERENCES visits (id) ON DELETE CASCADE,
    available_from  time   NOT NULL,
    available_until time   NOT NULL,
    CHECK (available_until > available_from)
);
