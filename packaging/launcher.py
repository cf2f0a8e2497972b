"""Entry point of the packaged app: the same command line as ``studyplanner``, window included.

PyInstaller freezes this script into the ``StudyPlanner`` executable; with no command it opens
the desktop app, and the process exits with the command line's status. What a start sets up
besides its own work is ``studyplanner.bootstrap``'s, which ``main`` calls first.
"""

import sys

from studyplanner.cli import main

if __name__ == "__main__":
    sys.exit(main())
