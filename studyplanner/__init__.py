"""StudyPlanner: plan AWS certifications offline."""

import time

STARTED_AT = time.perf_counter()
"""When the package was first imported: the reference for ``--smoke``'s time to first paint."""

__version__ = "0.1.0"
APP_NAME = "StudyPlanner"
