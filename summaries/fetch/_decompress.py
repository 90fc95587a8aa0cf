"""Incremental, size-capped decoding of a body's Content-Encoding (gzip and deflate)."""

from __future__ import annotations

import zlib
from typing import Protocol

from summaries.errors import ConnectionFailed, PageTooLarge, UnsupportedContentType

_IDENTITY = frozenset({"", "identity"})
_GZIP = frozenset({"gzip", "x-gzip"})
_DEFLATE = frozenset({"deflate"})

#: The Accept-Encoding header matching what `decoder_for` can undo. Brotli is not advertised:
#: the brotli module is not a dependency, and its older Decompressor cannot bound the output
#: of one call, so a small br bomb would inflate in one go. Add "br" together with a bounded
#: `_Brotli` decoder if that ever changes.
ACCEPT_ENCODING = "gzip, deflate"


class Decoder(Protocol):
    """Turns raw body chunks into decoded bytes."""

    def feed(self, data: bytes) -> bytes:
        """Decode one raw chunk."""
        ...

    def flush(self) -> bytes:
        """Whatever is left at the end of the body."""
        ...


class _Identity:
    def feed(self, data: bytes) -> bytes:
        return data

    def flush(self) -> bytes:
        return b""


class _Zlib:
    """gzip (possibly multi-member) or deflate (zlib-wrapped or raw), never past `cap` bytes."""

    def __init__(self, gzip: bool, cap: int) -> None:
        self._gzip = gzip
        self._cap = cap
        self._out = 0
        self._obj: zlib._Decompress | None = None
        self._members = 0  # complete gzip members decoded so far
        self._trailing = False  # set once junk after the last gzip member was seen
        self._pending = b""  # a first chunk too short to tell zlib from raw deflate

    def _new(self, first: bytes) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" should be zlib-wrapped, but many servers send a raw deflate stream.
        cmf, flg = first[0], first[1]
        zlib_header = cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> bytes:
        if self._obj is None and not self._gzip and len(self._pending + data) < 2:
            self._pending += data
            return b""
        data, self._pending = self._pending + data, b""
        parts: list[bytes] = []
        while data and not self._trailing:
            if self._obj is None:
                self._obj = self._new(data)
            elif self._obj.eof:
                if not self._gzip:
                    break  # bytes after the end of a deflate stream are ignored, as browsers do
                self._obj = self._new(data)  # next gzip member
            try:
                # Ask for one byte more than the budget: getting it proves the cap is exceeded.
                chunk = self._obj.decompress(data, self._cap - self._out + 1)
            except zlib.error as exc:
                if self._members:
                    self._trailing = True  # padding after a complete member: ignore it
                    break
                raise ConnectionFailed(f"corrupt compressed body: {exc}") from exc
            if self._obj.eof:
                self._members += 1
            self._out += len(chunk)
            if self._out > self._cap:
                raise PageTooLarge(self._cap, f"page inflates past {self._cap} bytes")
            parts.append(chunk)
            data = self._obj.unconsumed_tail or self._obj.unused_data
        return b"".join(parts)

    def flush(self) -> bytes:
        if self._obj is None and self._pending:
            raise ConnectionFailed("truncated compressed body")
        if self._obj is None or self._obj.eof:
            return b""
        # A truncated stream: keep what was decoded, as a browser would show it.
        rest = self._obj.flush()
        self._out += len(rest)
        if self._out > self._cap:
            raise PageTooLarge(self._cap, f"page inflates past {self._cap} bytes")
        return rest


class _Chain:
    """Several codings, applied in the order the server listed them, undone in reverse."""

    def __init__(self, decoders: list[Decoder]) -> None:
        self._decoders = decoders

    def feed(self, data: bytes) -> bytes:
        for d in self._decoders:
            data = d.feed(data)
        return data

    def flush(self) -> bytes:
        data = b""
        for d in self._decoders:
            data = (d.feed(data) if data else b"") + d.flush()
        return data


def decoder_for(content_encoding: str, cap: int, media_type: str) -> Decoder:
    """A decoder for a Content-Encoding header value whose output never exceeds `cap` bytes.

    Raises:
        UnsupportedContentType: a coding we did not ask for and cannot undo (e.g. br, zstd).
    """
    codings = [c.strip().lower() for c in content_encoding.split(",")]
    decoders: list[Decoder] = []
    for coding in reversed(codings):
        if coding in _IDENTITY:
            continue
        if coding in _GZIP or coding in _DEFLATE:
            decoders.append(_Zlib(gzip=coding in _GZIP, cap=cap))
        else:
            raise UnsupportedContentType(
                media_type, f"unsupported content encoding {coding!r} for {media_type!r}"
            )
    if not decoders:
        return _Identity()
    return decoders[0] if len(decoders) == 1 else _Chain(decoders)
