"""Article body candidates from trafilatura passes, and the prose measure used to pick one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from summaries.extract._rules import ExtractionRules
from summaries.extract._selectors import fast_selectors
from summaries.extract._text import prose_chars, weighted_length
from summaries.extract._tree import stripped_for_first_pass

_LOG = logging.getLogger(__name__)

#: A table cell this long is running text laid out with a table, not a data cell.
_CELL_PROSE_CHARS = 80


@dataclass(frozen=True, slots=True)
class ExtractionPass:
    """One trafilatura configuration: `fast` skips its readability/jusText comparison."""

    name: str
    fast: bool
    favor_precision: bool = False
    favor_recall: bool = False


#: Cheap first pass: precision mode keeps fewer teasers and footers than the default.
FIRST_PASS = ExtractionPass("precision-fast", fast=True, favor_precision=True)
#: Slower passes, run only when the first pass finds little prose; the best one wins.
FALLBACK_PASSES = (
    ExtractionPass("precision", fast=False, favor_precision=True),
    ExtractionPass("balanced", fast=False),
)


def _paragraphs(text: str) -> list[str]:
    """Split trafilatura's text into paragraphs; table rows holding prose become one per cell."""
    paragraphs: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("|") or line.endswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            cells = [cell for cell in cells if cell]
            # layout tables put whole articles in cells; data tables keep their rows
            if any(weighted_length(cell) >= _CELL_PROSE_CHARS for cell in cells):
                paragraphs.extend(cells)
                continue
            line = " | ".join(cells)
        if line:
            paragraphs.append(line)
    return paragraphs


def run_pass(tree: HtmlElement, url: str | None, extraction: ExtractionPass) -> list[str]:
    """Run one trafilatura pass on a tree (which it copies) and return the body's paragraphs.

    Args:
        tree: the parsed page.
        url: the page URL, so that relative links and metadata resolve.
        extraction: the configuration to run.

    Returns:
        Non-empty paragraphs in page order; empty when trafilatura finds nothing.
    """
    import trafilatura  # loaded with the first page: pasted text never needs it

    try:
        with fast_selectors():  # the same selections as trafilatura's regex XPaths, cheaper
            document = trafilatura.bare_extraction(
                tree,
                url=url,
                fast=extraction.fast,
                favor_precision=extraction.favor_precision,
                favor_recall=extraction.favor_recall,
                include_comments=False,
                include_tables=True,
                with_metadata=False,
            )
    except (RecursionError, ValueError, TypeError) as err:
        # pathological trees (very deep nesting) or lxml refusing a node: no candidate
        _LOG.debug("trafilatura pass %s failed: %s", extraction.name, err)
        return []
    if document is None or isinstance(document, dict):
        return []
    return _paragraphs(document.text or "")


def best_body(tree: HtmlElement, url: str | None, rules: ExtractionRules) -> list[str]:
    """Paragraphs of the best body candidate: the fast pass, or a fallback with more prose.

    Args:
        tree: the parsed page.
        url: the page URL.
        rules: thresholds, notably when the fallback passes run.

    Returns:
        The chosen candidate's paragraphs (possibly empty).
    """
    with stripped_for_first_pass(tree):
        best = run_pass(tree, url, FIRST_PASS)
    best_prose = prose_chars(best, rules)
    if best_prose >= rules.fallback_below_prose_chars:
        return best
    for extraction in FALLBACK_PASSES:
        candidate = run_pass(tree, url, extraction)
        candidate_prose = prose_chars(candidate, rules)
        if candidate_prose > best_prose:
            best, best_prose = candidate, candidate_prose
        if best_prose >= rules.fallback_below_prose_chars:
            break
    return best
