"""``python -m rezept_fusho.cli``: the same as the ``rezept-fusho`` command."""

import sys

from rezept_fusho.cli import main

sys.exit(main())
