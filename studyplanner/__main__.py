"""`python -m studyplanner`: the command line, and the window when no command is given. What a
start sets up besides its own work is ``studyplanner.bootstrap``'s, which ``main`` calls."""

import sys

from studyplanner.cli import main

sys.exit(main())
