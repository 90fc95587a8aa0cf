"""The `newsbrief` command line: `summarize` an article; other commands come from plugins.

`newsbrief bot` is registered by the bot package under the `newsbrief.commands` entry-point
group (see pyproject.toml), so this module never imports the bot.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from summaries.config import ALGORITHMS, FetchLimits, PipelineConfig, SummaryOptions
from summaries.errors import SummaryError, TextTooShort, UnsupportedContentType
from summaries.models import Summary
from summaries.text import cache_dir, decode_text, language_name

#: Entry-point group of further subcommands: name → a `main() -> int` taking no arguments.
COMMAND_GROUP = "newsbrief.commands"


class InputError(Exception):
    """A problem with the command-line input itself (missing or oversized file)."""


def _plugin_commands() -> dict[str, EntryPoint]:
    """Subcommands other installed packages register (the bot's `newsbrief bot`)."""
    return {ep.name: ep for ep in entry_points(group=COMMAND_GROUP)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief", description=(__doc__ or "").splitlines()[0])
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
    sub.add_parser(
        "warm-cache",
        help="compile the speaker, outlet, agency and page-furniture patterns into the cache "
        "folder now (for an image whose runtime user cannot write one)",
    )
    for name in _plugin_commands():
        sub.add_parser(name, help=f"run the {name} (configured from the environment / .env)")
    return parser


def _read_bytes(source: str, max_bytes: int) -> bytes:
    """The bytes of a file path or '-'.

    Raises:
        InputError: a missing file, or more than `max_bytes` (the page cap).
    """
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is larger than {max_bytes // (1024 * 1024)} MB")
    return data


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


async def _summarize_url(url: str, options: SummaryOptions, config: PipelineConfig) -> Summary:
    from summaries.fetch import build_client
    from summaries.pipeline import summarize_url

    async with build_client(config.fetch) as client:
        return await summarize_url(url, client, options, config)


def summarize_source(source: str, options: SummaryOptions, config: PipelineConfig) -> Summary:
    """Summarise a URL, a file or stdin (text, HTML or PDF)."""
    from summaries.pdf import looks_like_pdf
    from summaries.pipeline import summarize_html, summarize_pdf, summarize_text

    if source.lower().startswith(("http://", "https://")):
        import asyncio

        return asyncio.run(_summarize_url(source, options, config))
    data = _read_bytes(source, config.fetch.max_bytes)
    if looks_like_pdf(data):
        return summarize_pdf(data, None, options, config)
    text = decode_text(data)
    if not text.strip():
        raise TextTooShort("the input is empty")
    if _looks_like_html(text):
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
    lines += [
        "",
        f"{language_name(summary.language)} · {len(summary.sentences)} of "
        f"{summary.total_sentences} sentences · {summary.percent_shorter}% shorter",
    ]
    return "\n".join(lines)


def _describe(error: Exception) -> str:
    if isinstance(error, UnsupportedContentType):
        return f"not a web page ({error.content_type})"
    return str(error) or type(error).__name__


def _warm_cache() -> int:
    """Fill the regex cache, so later processes load the big patterns instead of compiling."""
    folder = cache_dir()
    if folder is None:  # nothing would be kept: say so before compiling for nothing
        print(
            "newsbrief: error: the regex cache is off (NEWSBRIEF_CACHE_DIR is empty)",
            file=sys.stderr,
        )
        return 1
    # imported here: `summarize` loads these stages only when its input needs them
    import summaries.attribution  # noqa: F401 - outlet and agency patterns compile on import
    import summaries.paste  # noqa: F401 - the page-furniture patterns compile on import
    from summaries.quotes import compile_all_speaker_patterns

    languages = compile_all_speaker_patterns()
    stored = sum(1 for _ in folder.glob("*.json"))
    print(f"{stored} compiled patterns ({languages} speaker lexicons) in {folder}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsbrief` console script."""
    args = _parser().parse_args(argv)
    if args.command == "warm-cache":
        return _warm_cache()
    if args.command != "summarize":
        command: Callable[[], int] = _plugin_commands()[args.command].load()
        return command()
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
    if summary.text_cut:
        print(
            f"newsbrief: note: read the first {config.max_text_chars:,} characters",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
