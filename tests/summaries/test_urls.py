"""Canonical URLs for cache keys."""

from __future__ import annotations

import pytest

from summaries.fetch import canonical_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://Example.COM/a/b#frag", "https://example.com/a/b"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://e.com/x?b=2&utm_source=tw&a=1&fbclid=zz&gclid=q", "https://e.com/x?a=1&b=2"),
        ("https://e.com/x?UTM_Medium=a", "https://e.com/x"),
        ("  https://e.com/Path?q=A  ", "https://e.com/Path?q=A"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_tracking_variants_share_a_key() -> None:
    a = canonical_url("https://news.example/story?id=5&utm_campaign=x#comments")
    b = canonical_url("https://NEWS.example/story?fbclid=abc&id=5")
    assert a == b
