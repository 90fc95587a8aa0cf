"""What a downloaded body is: media type from the header or sniffed bytes, and its charset."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from summaries.errors import UnsupportedContentType

#: Media types the pipeline can read.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
ACCEPTED_TYPES = HTML_TYPES | TEXT_TYPES
#: Documents returned as bytes (`FetchedPage.body`) for their own reader.
PDF_TYPE = "application/pdf"
PDF_TYPES = frozenset({PDF_TYPE, "application/x-pdf", "application/acrobat"})

#: Declared types that say nothing; the body is sniffed as if no type had been sent.
UNKNOWN_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "unknown/unknown"}
)

#: Leading bytes of formats that are certainly not a web page, with their media type.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"RIFF", "application/octet-stream"),  # webp, wav, avi
    (b"PK\x03\x04", "application/zip"),  # also docx, epub, …
    (b"\x1f\x8b", "application/gzip"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),
    (b"\x7fELF", "application/octet-stream"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
)

#: Tags that make a body without a declared type count as HTML (WHATWG MIME sniffing list).
HTML_OPENERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
    b"<meta",
    b"<?xml",
    b"<article",
    b"<section",
    b"<header",
    b"<nav",
    b"<main",
)
_TAG_END = frozenset(b" >\t\n\r\x0c/")

#: How far the sniffers look.
SNIFF_BYTES = 1024
META_SCAN_BYTES = 4096
GUESS_SAMPLE_BYTES = 64 * 1024

#: Control bytes that never occur in text (WHATWG "binary data bytes").
_BINARY_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Labels decoded as browsers decode them (WHATWG Encoding): "latin-1" pages really use
#: windows-1252's printable 0x80–0x9F range, and so on.
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "x-sjis": "shift_jis",
    "shift-jis": "shift_jis",
    "windows-31j": "cp932",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
}

#: A <meta> in an ASCII-compatible document cannot truthfully declare these.
_META_UTF16 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be"})

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ContentType:
    """A parsed Content-Type header: bare lower-case media type and the charset parameter."""

    media_type: str
    charset: str | None

    @classmethod
    def parse(cls, header: str | None) -> ContentType:
        """Parse a header value; a missing or garbled one gives an empty media type."""
        if not header:
            return cls("", None)
        media, *params = header.split(";")
        charset = None
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset":
                charset = value.strip().strip("\"'").strip() or None
        media = media.strip().lower()
        return cls(media if "/" in media else "", charset)


def magic_type(body: bytes) -> str | None:
    """The media type of a known binary format the body starts with, else None."""
    head = body[:16].lstrip(b" \t\r\n")
    for magic, media in MAGIC_NUMBERS:
        if head.startswith(magic):
            return media
    return None


def looks_binary(body: bytes, strict: bool = True) -> bool:
    """True when the first KB holds bytes that never occur in text.

    `strict` checks every binary control byte (for undeclared bodies); otherwise only NUL
    counts, since real pages declared as text sometimes carry a stray control character.
    """
    head = body[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text is full of NULs
    if not strict:
        return b"\x00" in head
    return any(b in _BINARY_BYTES for b in head)


def looks_html(body: bytes) -> bool:
    """True when the body opens (after a BOM and white space) with an HTML tag or comment."""
    head = body[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n\x0c").lower()
    for opener in HTML_OPENERS:
        if head.startswith(opener):
            rest = head[len(opener) : len(opener) + 1]
            if opener in (b"<!--", b"<?xml") or not rest or rest[0] in _TAG_END:
                return True
    return False


def resolve_media_type(declared: str, body: bytes) -> str:
    """The media type to report for `body`, checked against what the bytes really are.

    A PDF (declared, or sniffed under an unknown or text type) is `PDF_TYPE`; whether it is
    readable is the PDF reader's business.

    Raises:
        UnsupportedContentType: a type the pipeline cannot read, or a body whose bytes
            contradict a text type (an image served as text/html, NUL bytes, …).
    """
    if declared in PDF_TYPES:
        return PDF_TYPE
    if declared and declared not in UNKNOWN_TYPES and declared not in ACCEPTED_TYPES:
        raise UnsupportedContentType(declared)
    binary = magic_type(body)
    if binary == PDF_TYPE:
        return PDF_TYPE
    if binary is not None:
        raise UnsupportedContentType(binary)
    if declared in ACCEPTED_TYPES:
        if looks_binary(body, strict=False):
            raise UnsupportedContentType("application/octet-stream")
        return declared
    if looks_binary(body):
        raise UnsupportedContentType(declared or "application/octet-stream")
    return "text/html" if looks_html(body) or not body else "text/plain"


def usable_codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when it is not a text encoding we know."""
    if not label:
        return None
    name = label.strip().lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        # Refuses unknown names, bytes-to-bytes codecs (base64, rot13…) and "undefined".
        b"a".decode(name, errors="replace")
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):  # UnicodeError is a ValueError
        return None


def meta_charset(body: bytes) -> str | None:
    """The charset a <meta charset> or http-equiv Content-Type declares in the first 4 KB."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    return "utf-8" if label in _META_UTF16 else usable_codec(label)


def bom_charset(body: bytes) -> str | None:
    """The encoding a byte-order mark announces (it beats every declaration, as in browsers)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def guess_charset(body: bytes) -> str:
    """Best guess for undeclared bytes: strict UTF-8, then charset_normalizer, then UTF-8.

    CPU-bound on large bodies (it only looks at the first 64 KB): call it off the event loop.
    """
    sample = body[:GUESS_SAMPLE_BYTES]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    return (usable_codec(best.encoding) if best is not None else None) or "utf-8"


def declared_charset(header_charset: str | None, media_type: str, body: bytes) -> str | None:
    """The charset the response declares: BOM, then header, then (HTML only) <meta>."""
    return (
        bom_charset(body)
        or usable_codec(header_charset)
        or (meta_charset(body) if media_type in HTML_TYPES else None)
    )


def decode(body: bytes, codec: str) -> str:
    """Decode with replacement characters; a codec that still fails falls back to UTF-8."""
    try:
        return body.decode(codec, errors="replace")
    except (LookupError, UnicodeError):
        return body.decode("utf-8", errors="replace")
