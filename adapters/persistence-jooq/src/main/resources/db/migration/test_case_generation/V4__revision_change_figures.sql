-- What a revision changed is kept as figures ({"first","steps","changed","changedCount","added","removed"}), which a page
-- words in its reader's language. Revisions stored before keep their English summary line, read as figures when shown.
ALTER TABLE procedure_revisions ADD COLUMN change jsonb CHECK (change IS NULL OR jsonb_typeof(change) = 'object');
