"""Thin Telegram callbacks, one module per feature; `register` wires them into an Application."""
