"""NewsBrief's Telegram adapter: handlers, formatting and the composition root."""
