"""Pasted whole page → Article: menus, captions, teasers and footers dropped; metadata read."""

from __future__ import annotations

from summaries.paste._clean import (
    DEFAULT_PASTE_RULES,
    CleanedPaste,
    PasteRules,
    clean_paste,
    read_paste,
)

__all__ = [
    "CleanedPaste",
    "DEFAULT_PASTE_RULES",
    "PasteRules",
    "clean_paste",
    "read_paste",
]
