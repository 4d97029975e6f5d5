-- Fixture, compliant: alpha's tables in alpha's schema, naming only itself.
CREATE TABLE alpha.things (id bigint PRIMARY KEY, note text DEFAULT 'beta.release is just text');
