"""Time the pasted-page cleaner on large pastes (speed lives here, not in the test suite).

usage: python benchmarks/paste_speed.py [--mb 1.0] [--repeat 3]

Builds pastes of about --mb megabytes from synthetic page shapes (menus, teasers, prose, one
huge line without breaks, pathological punctuation runs) and prints the best wall and CPU time
of each (CPU time is the steadier figure on a shared machine).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from summaries.paste import clean_paste

_PROSE = (
    "The council voted on Tuesday to close the old bridge to cars, ending years of argument "
    "about the crumbling structure and its future."
)
_FURNITURE = (
    "Home",
    "News",
    "Share",
    "Updated 14 Feb, 2024",
    "— Reuters/file",
    "By Jane Doe",
    "Read more: Ferry fares to rise",
    "Advertisement",
    "Published in Dawn, May 1st, 2020",
)


def _page(size: int) -> str:
    """Unique lines (so no per-text cache helps): shuffled prose words and numbered furniture."""
    rng = random.Random(0)
    words = _PROSE.rstrip(".").split()
    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.5:
            line = " ".join(rng.sample(words, k=len(words))).capitalize() + "."
        else:
            line = f"{rng.choice(_FURNITURE)} {len(parts)}"
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts)


def _one_line(size: int) -> str:
    return (_PROSE + " ") * (size // (len(_PROSE) + 1))


def _punctuation(size: int) -> str:
    unit = "a...b,,,c;;;—(Photo: (((Getty/ 21 Dec, 2024 ... … \t\t"
    return (unit * (size // len(unit))).replace("\t\t", "\n", size // 5000)


def _blank_lines(size: int) -> str:
    return "\n\n".join([_PROSE, "Home", "a\tb\tc"] * (size // (len(_PROSE) + 12)))


SHAPES: dict[str, Callable[[int], str]] = {
    "page": _page,
    "one-line": _one_line,
    "punctuation": _punctuation,
    "blank-lines": _blank_lines,
}


def main() -> None:
    """Print the best of --repeat timings for each paste shape."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    size = int(args.mb * 1024 * 1024)
    for name, build in SHAPES.items():
        text = build(size)
        best = best_cpu = float("inf")
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            clean_paste(text)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        print(
            f"{name:12} {len(text) / 1e6:5.2f} MB  wall {best * 1000:8.1f} ms"
            f"  cpu {best_cpu * 1000:8.1f} ms"
        )


if __name__ == "__main__":
    main()
