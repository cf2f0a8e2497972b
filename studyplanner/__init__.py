"""StudyPlanner: plan AWS certifications offline."""

import time

STARTED_AT = time.perf_counter()
"""When the package was first imported: the reference for ``--smoke``'s time to first paint."""

__version__ = "0.1.0"
APP_NAME = "StudyPlanner"
DATA_DIR_ENV_VAR = "STUDYPLANNER_DATA_DIR"
"""Where plans and settings live instead of the user data folder (as ``--data-dir``)."""


def version_text() -> str:
    """'StudyPlanner 0.1.0', as `--version` answers."""
    return f"{APP_NAME} {__version__}"
