"""Where StudyPlanner keeps files and how it reads and writes them safely."""
