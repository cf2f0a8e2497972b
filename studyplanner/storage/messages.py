"""What storage tells the user, worded once and in their language (issue 22).

Storage errors carry a code and its parameters (``PlanProblem`` and a dict, ``FileKind``), not
sentences: the sentence is made here, through ``_()``, when the error is shown, so the command
line and the window print the same words in the user's language. Qt-free, like the rest of
storage. A parameter that comes from elsewhere (the operating system's reason, pydantic's
description of a field) is passed on as it was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum, StrEnum

from studyplanner.i18n import N_, _


class FileKind(StrEnum):
    """What a path names when it is not a regular file. The values are the English words, so
    a kind compares equal to the text older code and logs used."""

    FOLDER = "a folder"
    PIPE = "a pipe (FIFO)"
    DEVICE = "a device"
    SOCKET = "a socket"
    OTHER = "not a file"


_KIND_WORDS = {
    FileKind.FOLDER: N_("a folder"),
    FileKind.PIPE: N_("a pipe (FIFO)"),
    FileKind.DEVICE: N_("a device"),
    FileKind.SOCKET: N_("a socket"),
    FileKind.OTHER: N_("not a file"),
}


def kind_words(kind: FileKind) -> str:
    """'a folder', in the user's language."""
    return _(_KIND_WORDS[kind])


def megabytes(size: int) -> str:
    """A size for a message: '5.3 MB'."""
    return f"{size / 1e6:.1f} MB"


class PlanProblem(Enum):
    """Why a plan file (or the user's catalog) cannot be read, saved or deleted."""

    DOES_NOT_EXIST = "does-not-exist"
    NOT_A_PLAN_FILE = "not-a-plan-file"  # kind
    UNREADABLE = "unreadable"  # reason
    TOO_LARGE = "too-large"  # size, limit (bytes)
    NO_MEMORY = "no-memory"
    NOT_UTF8 = "not-utf8"  # byte
    NOT_JSON = "not-json"  # line, column
    NOT_JSON_TRUNCATED = "not-json-truncated"  # line, column
    TOO_DEEP = "too-deep"
    NUMBER_TOO_LONG = "number-too-long"
    NOT_AN_OBJECT = "not-an-object"
    NO_VERSION = "no-version"
    NEWER = "newer"  # version, supported
    DAMAGED_AND_NEWER = "damaged-and-newer"  # version
    NOT_UPGRADED = "not-upgraded"  # version, reason
    INVALID_FIELD = "invalid-field"  # field, reason
    UNKNOWN_CERTIFICATION = "unknown-certification"  # field, certification
    NOT_WRITTEN_OVER = "not-written-over"  # kind
    TOO_LARGE_TO_SAVE = "too-large-to-save"  # size, limit (bytes)
    NEWER_NOT_OVERWRITTEN = "newer-not-overwritten"  # version
    NOT_BACKED_UP = "not-backed-up"  # reason
    NOT_SAVED = "not-saved"  # reason
    NOT_DELETED = "not-deleted"  # reason

    @property
    def newer(self) -> bool:
        """The file is a newer StudyPlanner's: nothing may offer to replace it."""
        return self in _NEWER


_NEWER = frozenset(
    {PlanProblem.NEWER, PlanProblem.DAMAGED_AND_NEWER, PlanProblem.NEWER_NOT_OVERWRITTEN}
)

_PLAN_WORDS = {
    PlanProblem.DOES_NOT_EXIST: N_("does not exist"),
    PlanProblem.NOT_A_PLAN_FILE: N_("is {kind}, not a plan file"),
    PlanProblem.UNREADABLE: N_("cannot be read ({reason})"),
    PlanProblem.TOO_LARGE: N_("is {size}; plan files are at most {limit}"),
    PlanProblem.NO_MEMORY: N_("is too large to read into memory"),
    PlanProblem.NOT_UTF8: N_("is not UTF-8 text (byte {byte})"),
    PlanProblem.NOT_JSON: N_("is not valid JSON at line {line}, column {column}"),
    PlanProblem.NOT_JSON_TRUNCATED: N_(
        "is not valid JSON at line {line}, column {column} (the file looks truncated)"
    ),
    PlanProblem.TOO_DEEP: N_("is nested too deeply to be a plan"),
    PlanProblem.NUMBER_TOO_LONG: N_("holds a number too long to be part of a plan"),
    PlanProblem.NOT_AN_OBJECT: N_("does not hold a plan (expected a JSON object)"),
    PlanProblem.NO_VERSION: N_("field 'schema_version': missing or not a positive integer"),
    PlanProblem.NEWER: N_(
        "was written by a newer StudyPlanner (plan format {version}, this version reads up "
        "to {supported}); it is left untouched"
    ),
    PlanProblem.DAMAGED_AND_NEWER: N_(
        "is damaged and was written by a newer StudyPlanner (plan format {version}); it is "
        "left untouched"
    ),
    PlanProblem.NOT_UPGRADED: N_("cannot be upgraded from format {version}: {reason}"),
    PlanProblem.INVALID_FIELD: N_("field '{field}': {reason}"),
    PlanProblem.UNKNOWN_CERTIFICATION: N_("field '{field}': unknown certification {certification}"),
    PlanProblem.NOT_WRITTEN_OVER: N_("is {kind}, not a plan file; nothing was written there"),
    PlanProblem.TOO_LARGE_TO_SAVE: N_(
        "was not saved: the plan would take {size}, and plan files are at most {limit}"
    ),
    PlanProblem.NEWER_NOT_OVERWRITTEN: N_(
        "was written by a newer StudyPlanner (plan format {version}); refusing to overwrite it"
    ),
    PlanProblem.NOT_BACKED_UP: N_("could not be backed up before saving ({reason})"),
    PlanProblem.NOT_SAVED: N_("could not be saved ({reason})"),
    PlanProblem.NOT_DELETED: N_("could not be deleted ({reason})"),
}


def _shown(name: str, value: object) -> object:
    """A parameter as the sentence shows it: sizes in MB, a kind in words, an id quoted."""
    if name == "size" and isinstance(value, int):
        return megabytes(value)
    if name == "limit" and isinstance(value, int):
        return f"{value // 2**20} MB"
    if name == "certification":
        return repr(value)
    if isinstance(value, FileKind):
        return kind_words(value)
    return value


class ReadProblem(Enum):
    """Why a file (any file storage reads or writes) cannot be used, whatever it holds."""

    NOT_A_REGULAR_FILE = "not-a-regular-file"  # kind
    TOO_LARGE = "too-large"  # size, limit (bytes)
    NO_TEMPORARY_FILE = "no-temporary-file"  # folder


_READ_WORDS = {
    ReadProblem.NOT_A_REGULAR_FILE: N_("is {kind}, not a regular file"),
    ReadProblem.TOO_LARGE: N_("is {size}; at most {limit} is read"),
    ReadProblem.NO_TEMPORARY_FILE: N_("cannot create a temporary file in {folder}"),
}


def worded(problem: PlanProblem | ReadProblem, params: Mapping[str, object]) -> str:
    """The sentence for ``problem`` with its ``params``, in the user's language: what follows
    the file's name ("plan.json: does not exist")."""
    template = _PLAN_WORDS[problem] if isinstance(problem, PlanProblem) else _READ_WORDS[problem]
    shown = {k: _shown(k, v) for k, v in params.items()}
    limit = params.get("limit")
    if problem is ReadProblem.TOO_LARGE and isinstance(limit, int):  # any limit, not whole MB
        shown["limit"] = megabytes(limit)
    return _(template).format(**shown)
