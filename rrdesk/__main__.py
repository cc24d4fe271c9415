"""``python -m rrdesk`` runs the command line."""

import sys

from rrdesk.cli import main

sys.exit(main())
