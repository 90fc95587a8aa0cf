-- Outgoing messages of every replica, counted against Telegram's limits (bot/sendpacing_pg.py):
-- a row is one message released at `started` (database clock, Unix seconds) and answered at
-- `done`; rows older than a minute no longer count and are deleted.
CREATE TABLE send_slots (
    id BIGSERIAL PRIMARY KEY,
    chat_id BIGINT NOT NULL,
    started DOUBLE PRECISION NOT NULL,
    done DOUBLE PRECISION
);
CREATE INDEX send_slots_started ON send_slots (started);
CREATE INDEX send_slots_chat ON send_slots (chat_id, started) WHERE chat_id < 0;
