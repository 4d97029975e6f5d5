-- Fixture, violates rule 7 on purpose: a migrations folder no context schema migrates.
CREATE TABLE strays (id bigint);
