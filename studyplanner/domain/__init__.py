"""The planning rules, free of Qt: catalog, plans, estimates, scheduling, advice, suggestions.

Importing it changes nothing outside it: what a start of the app sets up (pydantic's plugin
switch, garbage collection) is ``studyplanner.bootstrap``'s, called by the entry point."""
