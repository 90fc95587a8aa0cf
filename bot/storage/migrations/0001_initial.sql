-- The store's tables, the same as SQLite's (times are Unix seconds from the bot's clock).
CREATE TABLE chat_settings (
    chat_id BIGINT PRIMARY KEY,
    data TEXT NOT NULL,
    updated DOUBLE PRECISION NOT NULL
);
CREATE TABLE summary_cache (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires DOUBLE PRECISION NOT NULL
);
CREATE INDEX summary_cache_expires ON summary_cache (expires);
CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE chats (chat_id BIGINT PRIMARY KEY, last_seen DOUBLE PRECISION NOT NULL);
CREATE TABLE blocked (subject_id BIGINT PRIMARY KEY, since DOUBLE PRECISION NOT NULL);
