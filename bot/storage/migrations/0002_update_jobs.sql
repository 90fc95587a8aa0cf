-- Durable webhook updates: acknowledged to Telegram only once committed here; any replica's
-- workers claim them (FOR UPDATE SKIP LOCKED) under a lease that a dead replica lets expire.
CREATE TABLE update_jobs (
    update_id BIGINT PRIMARY KEY,
    seq BIGSERIAL NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    lease_until TIMESTAMPTZ,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ
);
CREATE INDEX update_jobs_open ON update_jobs (seq) WHERE state IN ('queued', 'running');
CREATE INDEX update_jobs_finished ON update_jobs (finished_at) WHERE state IN ('done', 'failed');
-- What each job already sent, so a job run again after its replica died does not post twice.
CREATE TABLE update_replies (
    update_id BIGINT NOT NULL REFERENCES update_jobs ON DELETE CASCADE,
    call_key TEXT NOT NULL,
    method TEXT NOT NULL,
    chat_id BIGINT,
    message_id BIGINT,
    result TEXT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (update_id, call_key)
);
