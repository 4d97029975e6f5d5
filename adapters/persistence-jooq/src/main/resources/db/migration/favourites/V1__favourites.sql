-- Favourites context: the quote catalogue, users' saved favourites, and likes.

CREATE TABLE quotes (
    id      bigint PRIMARY KEY,
    text    text   NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    author  text   NOT NULL CHECK (length(author) BETWEEN 1 AND 200)
);

-- A favourite is private to its owner. content_key names the content itself, so every user who saved the same
-- quote or horoscope points at the same likes.
CREATE TABLE saved_favourites (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    text        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('quote', 'horoscope')),
    content     text        NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
    author      text        CHECK (length(author) <= 200),
    content_key text        NOT NULL GENERATED ALWAYS AS (md5(type || ':' || content)) STORED,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Saving the same content twice finds the first favourite: the database decides, so concurrent saves agree.
CREATE UNIQUE INDEX saved_favourites_owner_content_uq ON saved_favourites (owner_id, content_key);
CREATE INDEX saved_favourites_owner_newest_idx ON saved_favourites (owner_id, created_at DESC, id DESC);

-- One row per (content, user): the primary key makes a second like by the same user a no-op, and concurrent
-- likes by different users are separate inserts that never contend on a shared counter row.
CREATE TABLE content_likes (
    content_key text        NOT NULL,
    user_id     text        NOT NULL,
    liked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (content_key, user_id)
);
