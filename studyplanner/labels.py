"""Tables of labels written at import time and shown in the user's language.

Kept apart from ``i18n`` so that the command line's first moments (``--help``) need not load
``typing``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from studyplanner.i18n import _

_K = TypeVar("_K")


class TranslatedLabels(Mapping[_K, str]):
    """A table of labels written with ``N_()`` at import time and translated each time one is
    read, so a table defined before the language is chosen still speaks it."""

    def __init__(self, labels: Mapping[_K, str]) -> None:
        self._labels = dict(labels)

    def __getitem__(self, key: _K) -> str:
        return _(self._labels[key])

    def __iter__(self) -> Iterator[_K]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)
