"""The open plan: its document and undo stack, the file session, autosave and its questions."""
