-- Every page of favourites answers its total. Counting the owner's rows on each read costs as much as the page
-- itself and grows with the list; a row per (owner, type) kept by a trigger answers it with one key lookup.
-- The trigger is in the schema, so every way a favourite is saved or deleted keeps the count exact.

-- Saves and deletes wait while the counts are filled in, so none is missed between the backfill and the trigger.
LOCK TABLE favourites.saved_favourites IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE favourites.saved_counts (
    owner_id text   NOT NULL,
    type     text   NOT NULL,
    saved    bigint NOT NULL CHECK (saved >= 0),
    PRIMARY KEY (owner_id, type)
);

INSERT INTO favourites.saved_counts (owner_id, type, saved)
SELECT owner_id, type, count(*) FROM favourites.saved_favourites GROUP BY owner_id, type;

-- Names are schema-qualified: a trigger function runs with the caller's search_path.
CREATE FUNCTION favourites.count_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE favourites.saved_counts SET saved = saved - 1 WHERE owner_id = OLD.owner_id AND type = OLD.type;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO favourites.saved_counts AS c (owner_id, type, saved) VALUES (NEW.owner_id, NEW.type, 1)
        ON CONFLICT (owner_id, type) DO UPDATE SET saved = c.saved + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER saved_favourites_counted AFTER INSERT OR DELETE OR UPDATE OF owner_id, type ON favourites.saved_favourites
    FOR EACH ROW EXECUTE FUNCTION favourites.count_saved();

CREATE FUNCTION favourites.forget_saved_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE favourites.saved_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER saved_favourites_truncated AFTER TRUNCATE ON favourites.saved_favourites
    FOR EACH STATEMENT EXECUTE FUNCTION favourites.forget_saved_counts();
