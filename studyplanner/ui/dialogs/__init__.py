"""The dialogs: profile, study log, other fields, shortcuts, printing, and the crash dialog."""
