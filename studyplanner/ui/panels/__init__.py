"""The docked panels and their item models: certification, exam, settings, progress, warnings."""
