"""The `newsbrief` command line: `summarize` an article, or run the `bot`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from summaries.config import ALGORITHMS, FetchLimits, PipelineConfig, SummaryOptions
from summaries.errors import SummaryError, TextTooShort, UnsupportedContentType
from summaries.language_names import language_name
from summaries.models import Summary

_MAX_FILE_BYTES = 5 * 1024 * 1024


class InputError(Exception):
    """A problem with the command-line input itself (missing file, binary data)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    summarize = sub.add_parser("summarize", help="summarise a URL, a file or stdin (-)")
    summarize.add_argument("source", help="http(s) URL, path to a .txt/.html file, or - for stdin")
    summarize.add_argument("--json", action="store_true", help="print the result as JSON")
    length = summarize.add_mutually_exclusive_group()
    length.add_argument(
        "-n", "--sentences", type=int, default=3, help="summary length (default 3)"
    )
    length.add_argument("--ratio", type=float, help="summary length as a share of the article")
    summarize.add_argument("--algorithm", choices=ALGORITHMS, default="news")
    summarize.add_argument("--language", help="force a language (ISO 639-1) instead of detecting")
    summarize.add_argument("--no-quotes", action="store_true", help="leave out key quotes")
    summarize.add_argument(
        "--allow-private",
        action="store_true",
        default=os.environ.get("FETCH_ALLOW_PRIVATE") == "1",
        help="allow fetching private/loopback addresses (testing only; env FETCH_ALLOW_PRIVATE=1)",
    )
    sub.add_parser("bot", help="run the Telegram bot (configured from the environment / .env)")
    return parser


def _read_input(source: str) -> tuple[str, bool]:
    """Return (text, looks_like_html) for a file path or '-'."""
    if source == "-":
        data = sys.stdin.buffer.read(_MAX_FILE_BYTES + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        with path.open("rb") as handle:
            data = handle.read(_MAX_FILE_BYTES + 1)
    if len(data) > _MAX_FILE_BYTES:
        raise InputError(f"input is larger than {_MAX_FILE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:4096]:
        raise InputError("input looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("input is not UTF-8 text") from None
    head = text[:2048].lstrip().lower()
    return text, head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


async def _summarize_url(url: str, options: SummaryOptions, config: PipelineConfig) -> Summary:
    from summaries.fetch import build_client
    from summaries.pipeline import summarize_url

    async with build_client(config.fetch) as client:
        return await summarize_url(url, client, options, config)


def summarize_source(source: str, options: SummaryOptions, config: PipelineConfig) -> Summary:
    """Summarise a URL, a file or stdin."""
    from summaries.pipeline import summarize_html, summarize_text

    if source.lower().startswith(("http://", "https://")):
        return asyncio.run(_summarize_url(source, options, config))
    text, is_html = _read_input(source)
    if not text.strip():
        raise TextTooShort("the input is empty")
    if is_html:
        return summarize_html(text, None, options, config)
    return summarize_text(text, options, config)


def render_text(summary: Summary) -> str:
    """A readable plain-text rendering: title, source line, bullets, quotes, stats."""
    a = summary.attribution
    source = [a.publication, a.author, a.published.isoformat() if a.published else None]
    source += list(a.wire)
    source += [f"via {', '.join(a.cited)}"] if a.cited else []
    lines = [summary.title or "(untitled)"]
    if any(source):
        lines.append(" · ".join(s for s in source if s))
    if a.url:
        lines.append(a.url)
    lines.append("")
    lines += [f"• {s.text}" for s in summary.sentences]
    if summary.quotes:
        lines += ["", "Key quotes:"]
        lines += [
            f"  “{q.text}”" + (f" — {q.display_speaker}" if q.display_speaker else "")
            for q in summary.quotes
        ]
    shorter = 100 - round(100 * summary.summary_words / max(1, summary.article_words))
    lines += [
        "",
        f"{language_name(summary.language)} · {len(summary.sentences)} of "
        f"{summary.total_sentences} sentences · {shorter}% shorter",
    ]
    return "\n".join(lines)


def _describe(error: Exception) -> str:
    if isinstance(error, UnsupportedContentType):
        return f"not a web page ({error.content_type})"
    return str(error) or type(error).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsbrief` console script."""
    args = _parser().parse_args(argv)
    if args.command == "bot":
        from bot.__main__ import main as bot_main

        return bot_main()
    if args.ratio is not None and not 0 < args.ratio <= 1:
        print("newsbrief: error: --ratio must be in (0, 1]", file=sys.stderr)
        return 2
    options = SummaryOptions(
        sentences=args.sentences,
        ratio=args.ratio,
        algorithm=args.algorithm,
        language=args.language,
        quotes=not args.no_quotes,
    )
    config = PipelineConfig(fetch=FetchLimits(allow_private=args.allow_private))
    try:
        summary = summarize_source(args.source, options, config)
    except (SummaryError, InputError) as error:
        print(f"newsbrief: {type(error).__name__}: {_describe(error)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
