-- State every replica must see alike (bot.storage.shared); times are Unix seconds of the
-- database server's clock, so replicas whose clocks differ still agree.
CREATE FUNCTION now_s() RETURNS DOUBLE PRECISION LANGUAGE sql VOLATILE
    AS 'SELECT extract(epoch FROM clock_timestamp())::double precision';

-- Request quotas: one token bucket per key ("user:<id>", "chat:<id>"), read and written under
-- a row lock. NULL tokens: a bucket not used yet (full).
CREATE TABLE quota_buckets (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION,
    updated DOUBLE PRECISION NOT NULL,
    notified BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX quota_buckets_updated ON quota_buckets (updated);

-- Whether a user is an admin of a group (getChatMember), until `expires`.
CREATE TABLE admin_cache (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    is_admin BOOLEAN NOT NULL,
    expires DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);

-- One fetch per link across replicas: the holder fetches, the others wait for the cache row.
CREATE TABLE fetch_leases (
    key TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    lease_until DOUBLE PRECISION NOT NULL
);

-- Parts of a long paste Telegram split into several messages, which may reach different
-- replicas; the part whose handler sees the quiet period end takes them all (taken_by = its
-- message id), and a taken part stays (10 minutes at most) so that a retried job does not
-- summarise its part again.
CREATE TABLE paste_parts (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    arrived DOUBLE PRECISION NOT NULL,
    taken_by BIGINT,
    PRIMARY KEY (chat_id, user_id, message_id)
);
CREATE INDEX paste_parts_arrived ON paste_parts (arrived);

-- The reply journal (bot.journal) commits an intent before each call and its result after it:
-- an intent without a result marks the only calls a retry cannot know the fate of; the retry
-- sets `unknown_fate` (that reply may show twice).
ALTER TABLE update_replies
    ALTER COLUMN result DROP NOT NULL,
    ALTER COLUMN sent_at DROP NOT NULL,
    ALTER COLUMN sent_at DROP DEFAULT,
    ADD COLUMN intents INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN intent_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    ADD COLUMN unknown_fate BOOLEAN NOT NULL DEFAULT false;
