"""Pseudo-translations for tests of layouts and glyphs, made from the template: every message
of the app in a longer or a wider script, placeholders, markup and accelerators kept, so
that a layout that would clip German or Japanese words fails before the real catalogs land.

``long``: each word a third longer, with umlauts (German runs 30-40 % longer than English).
``wide``: each word written in Japanese characters (kanji and kana: twice as wide per glyph,
fewer of them), so that fonts, the report and the layouts meet real CJK text.
A shipped language with a real catalog (``studyplanner/locale/<lang>/.../studyplanner.po``)
is compiled instead (see :func:`catalog_dir`).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import polib

from studyplanner import i18n

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "studyplanner" / "locale" / "studyplanner.pot"

_KEEP = re.compile(r"(\{[^{}]*\}|<[^>]*>|&[a-zA-Z]+;|&&|&(?=\S)|%\(?\w*\)?[sdf]|\\n|\n)")
_WORD = re.compile(r"[^\W\d_]+")
_UMLAUTS = str.maketrans("aouAOUe", "äöüÄÖÜë")
_JAPANESE = "試験計画学習時間認定日本語資格予定進捗警告設定"


def _long(word: str) -> str:
    extra = math.ceil(len(word) / 3)
    return word.translate(_UMLAUTS) + ("ß" * extra if word.islower() else "ẞ" * extra)


def _wide(word: str) -> str:
    count = max(1, math.ceil(len(word) * 0.6))
    start = sum(map(ord, word)) % len(_JAPANESE)
    return "".join(_JAPANESE[(start + i) % len(_JAPANESE)] for i in range(count))


def pseudo(text: str, kind: str) -> str:
    """``text`` with its words made longer (``long``) or Japanese (``wide``), everything a
    program reads in it (``{name}``, tags, ``&`` accelerators, ``%s``) left as it is."""
    change = _long if kind == "long" else _wide
    out = []
    for piece in _KEEP.split(text):
        if _KEEP.fullmatch(piece):
            out.append(piece)
        else:
            out.append(_WORD.sub(lambda m: change(m[0]), piece))
    return "".join(out)


_LEFT_ALONE = ("number format:",)
"""Separators stay as they are: a pseudo-separator would make numbers unreadable."""


def pseudo_catalog(kind: str, language: str) -> polib.POFile:
    template = polib.pofile(str(TEMPLATE))
    catalog = polib.POFile()
    forms = 1 if kind == "wide" else 2
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": "nplurals=1; plural=0;" if forms == 1 else "nplurals=2; plural=(n != 1);",
    }
    for entry in template:
        if entry.msgctxt and entry.msgctxt.startswith(_LEFT_ALONE):
            continue
        copy = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt)
        if entry.msgid_plural:
            copy.msgid_plural = entry.msgid_plural
            texts = (
                [entry.msgid, entry.msgid_plural][-forms:]
                if forms == 1
                else [
                    entry.msgid,
                    entry.msgid_plural,
                ]
            )
            copy.msgstr_plural = {i: pseudo(t, kind) for i, t in enumerate(texts)}
        else:
            copy.msgstr = pseudo(entry.msgid, kind)
        catalog.append(copy)
    return catalog


def catalog_dir(language: str, folder: Path, kind: str | None = None) -> Path:
    """A locale folder in ``folder`` holding ``language``'s catalog: the real one compiled
    when it exists (unless a pseudo ``kind`` is asked for), else a pseudo-translation (long
    for German-like languages, wide for Japanese)."""
    target = folder / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    real = ROOT / "studyplanner" / "locale" / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    if kind is None and real.exists():
        polib.pofile(str(real)).save_as_mofile(str(target))
    else:
        chosen = kind or ("wide" if language == "ja" else "long")
        pseudo_catalog(chosen, language).save_as_mofile(str(target))
    return folder
