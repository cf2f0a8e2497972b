"""Where a file is saved: the save dialog opened in the folder last used for that kind of
file, the suffix added before anything is replaced, and that folder remembered.

One path for plans (*Save As*), reports (*Export as PDF*) and calendars (*Export to
Calendar*), so none of them can replace a file without asking.
"""

from __future__ import annotations

from pathlib import Path

from studyplanner.i18n import _
from studyplanner.storage.settings import AppSettings, save_settings
from studyplanner.ui.document.prompts import FileKind, Prompts


def with_suffix(path: Path, kind: FileKind) -> Path:
    """``path`` ending in ``kind``'s suffix: 'fridge' -> 'fridge.pdf', 'a.PDF' stays."""
    if path.suffix.lower() == kind.suffix:
        return path
    return path.with_name(path.name + kind.suffix)


def start_folder(settings: AppSettings, kind: FileKind, fallback: Path) -> Path:
    """The folder a ``kind`` file was last saved in, while it still exists; else ``fallback``."""
    folder = settings.folder_for(kind.purpose)
    try:
        if folder is not None and folder.is_dir():
            return folder
    except OSError:  # a folder on the way that cannot be searched
        pass
    return fallback


def choose_save_target(
    prompts: Prompts,
    settings: AppSettings,
    title: str,
    suggested: Path,
    kind: FileKind,
) -> Path | None:
    """Ask where to save; the file to write, with its suffix, or None when cancelled.

    ``suggested`` names the file; its folder is used only when nothing was saved for this
    purpose before. A name typed without the suffix gets it here too (a native dialog may
    not add it), and if that file exists the person is asked before it is replaced.
    """
    folder = start_folder(settings, kind, suggested.parent)
    chosen = prompts.save_path(title, folder / suggested.name, kind)
    if chosen is None:
        return None
    chosen = chosen.expanduser()
    target = with_suffix(chosen, kind)
    if target != chosen and target.exists():
        question = _("{file} already exists in {folder}. Replace it?").format(
            file=target.name, folder=target.parent
        )
        if kind.replace_note:
            question += f"\n\n{_(kind.replace_note)}"
        if not prompts.confirm(title, question, accept=_("Replace")):
            return None
    settings.remember_folder(kind.purpose, target.parent)
    save_settings(settings)
    return target
