"""One way to find words and phrases in what people type (focus areas, directions).

Matching is by whole words, case-insensitively: "HTML and CSS" does not mention "ml",
"capital markets" does not mention "api", "Miami office" does not mention "iam", while
"Machine-learning platform" mentions "machine learning".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = r"[^\W_]+"
"""A word: compiled when first needed (re keeps it), not at every start."""


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case-folded; punctuation and spaces separate them."""
    return tuple(re.findall(_WORD, text.casefold()))


def mentions(text: str, phrase: str) -> bool:
    """True if the words of ``phrase`` appear in ``text`` in a row."""
    wanted = words(phrase)
    have = words(text)
    if not wanted:
        return False
    size = len(wanted)
    return any(have[i : i + size] == wanted for i in range(len(have) - size + 1))


def mentions_any(text: str, phrases: Iterable[str]) -> bool:
    return any(mentions(text, phrase) for phrase in phrases)
