"""Fill the compiled-pattern cache ahead of time: `python -m summaries.warm_cache`.

For an image or a deployment whose runtime user cannot write a cache folder: run it once at build
with `NEWSBRIEF_CACHE_DIR` set, and every later process (the bot, its workers, the command line)
loads the speaker, outlet and agency patterns instead of compiling them.
"""

from __future__ import annotations

import summaries.attribution  # noqa: F401 - its outlet and agency patterns compile on import
from summaries.quotes._patterns import patterns_for
from summaries.quotes._speech_words import LEXICONS
from summaries.text._regex_cache import cache_dir


def main() -> int:
    for language in LEXICONS:
        patterns_for(language)
    folder = cache_dir()
    if folder is None:
        print("the regex cache is off (NEWSBRIEF_CACHE_DIR is empty)")
        return 1
    print(f"{sum(1 for _ in folder.glob('*.json'))} compiled patterns in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
