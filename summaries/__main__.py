"""`python -m summaries …`: the same command line as `newsbrief …`."""

import sys

from summaries.cli import main

sys.exit(main())
