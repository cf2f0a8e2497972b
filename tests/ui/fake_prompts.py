"""Answers for a ``PlanSession``'s questions, given by the test, with every question kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studyplanner.ui.document.prompts import PLAN_FILES, FileKind


@dataclass
class Asked:
    kind: str
    title: str
    text: str
    choices: list[str] = field(default_factory=list)


class FakePrompts:
    """Say yes (or no) to every confirmation, type ``text``, pick ``choice``, open/save paths.

    ``asked`` lists every question in order, so a test can check what the person was told.
    """

    def __init__(
        self,
        *,
        confirm: bool = False,
        text: str | None = None,
        choice: int | None = None,
        open_path: Path | None = None,
        save_path: Path | None = None,
    ) -> None:
        self.answer_confirm = confirm
        self.answer_text = text
        self.answer_choice = choice
        self.answer_open = open_path
        self.answer_save = save_path
        self.asked: list[Asked] = []

    def texts(self, kind: str | None = None) -> list[str]:
        return [f"{a.title}: {a.text}" for a in self.asked if kind is None or a.kind == kind]

    def inform(self, title: str, text: str) -> None:
        self.asked.append(Asked("inform", title, text))

    def warn(self, title: str, text: str) -> None:
        self.asked.append(Asked("warn", title, text))

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        self.asked.append(Asked("confirm", title, f"{text} [{accept}]"))
        return self.answer_confirm

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self.asked.append(Asked("ask_text", title, f"{label} {text}"))
        return self.answer_text

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        self.asked.append(Asked("choose", title, label, list(choices)))
        return self.answer_choice

    def open_path(self, title: str, folder: Path, kind: FileKind = PLAN_FILES) -> Path | None:
        self.asked.append(Asked("open_path", title, str(folder), [kind.filter]))
        return self.answer_open

    def save_path(self, title: str, suggested: Path, kind: FileKind) -> Path | None:
        self.asked.append(Asked("save_path", title, str(suggested), [kind.suffix]))
        return self.answer_save
