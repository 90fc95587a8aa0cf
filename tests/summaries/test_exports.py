"""The package's public surface is deliberate, and the pipeline never imports Telegram."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import summaries


def test_public_surface() -> None:
    assert sorted(summaries.__all__) == sorted(
        [
            "ALGORITHMS",
            "SUPPORTED_LANGUAGES",
            "Article",
            "ArticleMeta",
            "Attribution",
            "FetchLimits",
            "FetchedPage",
            "PdfLimits",
            "PipelineConfig",
            "Quote",
            "Sentence",
            "Summary",
            "SummaryError",
            "SummaryOptions",
            "build_client",
            "fetch_page",
            "summarize_article",
            "summarize_html",
            "summarize_page",
            "summarize_pdf",
            "summarize_text",
            "summarize_url",
        ]
    )
    for name in summaries.__all__:
        assert getattr(summaries, name) is not None


def test_pipeline_does_not_import_telegram_or_bot() -> None:
    code = (
        "import sys, summaries, summaries.cli, summaries.evaluation; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'bot')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_module_mentions_telegram_imports() -> None:
    for path in Path(summaries.__file__).parent.glob("*.py"):
        source = path.read_text("utf-8")
        assert "import telegram" not in source, path
        assert "from telegram" not in source, path
        assert "from bot" not in source.replace("from bot.__main__", ""), path
