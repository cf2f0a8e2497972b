"""The desktop interface: widgets, views, item models, undo commands and dialogs."""
