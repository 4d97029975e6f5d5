-- Lists are usually filtered by type (quotes or horoscopes): this index answers a typed page, and its total,
-- by reading only that type's entries in order, instead of every favourite of the owner.
CREATE INDEX saved_favourites_owner_type_newest_idx ON saved_favourites (owner_id, type, created_at DESC, id DESC);
