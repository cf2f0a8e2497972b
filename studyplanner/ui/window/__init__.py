"""The main window's frame: docks, panes, menus and their commands, and how it is restored."""
