-- A background export is written in the language of the person who asked (headers, priorities, states), whichever
-- instance makes the file later. Exports queued before this column existed were made in Japanese.
ALTER TABLE exports ADD COLUMN language text NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en'));
