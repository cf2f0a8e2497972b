"""StudyPlanner: plan AWS certifications offline."""

__version__ = "0.1.0"
APP_NAME = "StudyPlanner"
