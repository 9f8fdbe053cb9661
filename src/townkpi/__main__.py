"""``python -m townkpi``."""

import sys

from townkpi.cli import main

sys.exit(main())
