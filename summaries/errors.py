"""The pipeline's exceptions: one root, one class per reason the bot can tell a user.

SummaryError
├── FetchError                  the page could not be downloaded
│   ├── InvalidURL              not an http(s) URL, or malformed
│   ├── BlockedAddress          private, loopback, link-local, reserved, or an odd port
│   ├── BadStatus               the site answered 4xx/5xx (`.status`)
│   │   └── PageNotFound        404 or 410
│   ├── FetchTimeout            no complete answer within the time cap (`.timeout_s`)
│   ├── PageTooLarge            more bytes than the cap (compressed or decompressed)
│   ├── TooManyRedirects
│   ├── UnsupportedContentType  an image, a video, … (`.content_type`)
│   └── ConnectionFailed        DNS failure, refused or dropped connection
├── PdfError                    a PDF that cannot be read
│   ├── PdfEncrypted            it needs a password
│   ├── PdfNoText               no text layer: a scan, or pictures of text
│   ├── PdfBroken               damaged, cut off, or not a PDF at all
│   └── PdfTooComplex           over the reader's caps: pages declared, time, memory (a bomb)
├── NoArticleFound              a page with no article: paywall stub, JS-only page, index page
├── TextTooShort                too little text to summarise
├── NotText                     binary data, not writing (undecodable bytes, control characters)
├── NotProse                    text that does not read as a language (keyboard mash, codes)
└── UnsupportedLanguage         a language the pipeline has no tools for (`.language`)
"""

from __future__ import annotations


class SummaryError(Exception):
    """Root of every error the pipeline raises on purpose."""


class FetchError(SummaryError):
    """The page could not be downloaded."""


class InvalidURL(FetchError):
    """Not an http(s) URL, or a malformed one."""


class BlockedAddress(FetchError):
    """The URL points to a private, loopback, link-local or reserved address, or a blocked port."""


class BadStatus(FetchError):
    """The site answered with an error status."""

    def __init__(self, status: int, message: str | None = None) -> None:
        super().__init__(message or f"HTTP status {status}")
        self.status = status


class PageNotFound(BadStatus):
    """404 or 410."""


class FetchTimeout(FetchError):
    """The site did not deliver the page within the time cap (`.timeout_s`)."""

    def __init__(self, timeout_s: float, message: str | None = None) -> None:
        super().__init__(message or f"no complete answer within {timeout_s:g} s")
        self.timeout_s = timeout_s


class PageTooLarge(FetchError):
    """The page is larger than the byte cap."""

    def __init__(self, limit_bytes: int, message: str | None = None) -> None:
        super().__init__(message or f"page larger than {limit_bytes} bytes")
        self.limit_bytes = limit_bytes


class TooManyRedirects(FetchError):
    """More redirects than allowed."""


class UnsupportedContentType(FetchError):
    """The link is neither a web page nor a PDF (an image, a video, …)."""

    def __init__(self, content_type: str, message: str | None = None) -> None:
        super().__init__(message or f"unsupported content type {content_type!r}")
        self.content_type = content_type


class ConnectionFailed(FetchError):
    """DNS failure, refused or dropped connection, TLS failure."""


class PdfError(SummaryError):
    """A PDF that cannot be read."""


class PdfEncrypted(PdfError):
    """The PDF is encrypted with a password."""


class PdfNoText(PdfError):
    """The PDF has no text layer (a scan, or only pictures of text)."""


class PdfBroken(PdfError):
    """The PDF is damaged, cut off, or not a PDF at all."""


class PdfTooComplex(PdfError):
    """The PDF is over the reader's caps (declared pages, time, memory): possibly a bomb."""


class NoArticleFound(SummaryError):
    """The page has no article text (paywall stub, JS-only page, index page)."""


class TextTooShort(SummaryError):
    """The text is too short to summarise."""


class NotText(SummaryError):
    """Binary data rather than writing: control or private-use characters, undecodable bytes."""


class NotProse(SummaryError):
    """The text has words but no sentences of a language: keyboard mash, codes, word lists."""


class UnsupportedLanguage(SummaryError):
    """No sentence/word tools exist for this language."""

    def __init__(self, language: str, message: str | None = None) -> None:
        super().__init__(message or f"unsupported language {language!r}")
        self.language = language
