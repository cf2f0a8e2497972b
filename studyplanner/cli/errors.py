"""The command line's exit status and its one error type. Imports nothing from the rest of
the CLI, so every part of it (the parser, the commands, the entry point) can raise and name
these without an import cycle.

0: success. 1: an unexpected failure (a bug; the trace goes to the log). 2: bad input, said in
one line on stderr (a plan file that cannot be used, a wrong option, an output that cannot be
written, a plan another StudyPlanner holds).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""
