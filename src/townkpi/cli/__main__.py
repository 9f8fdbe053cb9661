"""``python -m townkpi.cli``."""

import sys

from townkpi.cli import main

sys.exit(main())
