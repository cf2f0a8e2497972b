"""The timeline's fonts, text widths and tier colours: read once per layout, and text widths
kept while the fonts stay the same (an edit moves dates, but most labels stay what they were)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from studyplanner.domain.catalog import Certification, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.ui.canvas.timeline_items import BADGE_SIZE, MARKER_SIZE, ui_font
from studyplanner.ui.canvas.timeline_rows import LABEL_GAP
from studyplanner.ui.canvas.timeline_tips import TimelineWording
from studyplanner.ui.widgets.theme import tier_ink


def date_font() -> QFont:
    return ui_font(8.5)


def label_font() -> QFont:
    """Entry labels, beside a bar or inside it (``EntryBar`` uses the same)."""
    return ui_font(8.5, QFont.Weight.DemiBold)


class TimelineInks:
    """The date and label fonts with their metrics, and the tier colours, for one layout."""

    def __init__(self) -> None:
        self._fonts: dict[str, tuple[QFont, QFontMetricsF]] = {}
        self._widths: dict[tuple[str, str], float] = {}
        self._tier_inks: dict[str, QColor] = {}
        self.refresh()

    def refresh(self) -> None:
        """Read the fonts and the tier colours afresh (the theme or the font may have
        changed); text widths are forgotten only when a font did."""
        self._tier_inks = {}
        fonts = {
            kind: (font, QFontMetricsF(font))
            for kind, font in (("date", date_font()), ("label", label_font()))
        }
        if [font for font, _metrics in fonts.values()] != [
            font for font, _metrics in self._fonts.values()
        ]:
            self._widths = {}
        self._fonts = fonts

    def font(self, kind: str) -> QFont:
        return self._fonts[kind][0]

    def width(self, kind: str, text: str) -> float:
        """The width of ``text`` in the date or label font."""
        known = self._widths.get((kind, text))
        if known is None:
            known = self._widths[(kind, text)] = self._fonts[kind][1].horizontalAdvance(text)
        return known

    def tier_ink(self, cert: Certification) -> QColor:
        known = self._tier_inks.get(cert.tier)
        if known is None:
            known = self._tier_inks[cert.tier] = tier_ink(Tier(cert.tier))
        return QColor(known)

    def text_extent(self, wording: TimelineWording, item: ScheduledEntry, inside: bool) -> float:
        """How far right of its marker's centre a row's texts (and badge) reach."""
        extent = MARKER_SIZE / 2 + LABEL_GAP
        for text, _colour, font in wording.row_texts(item, inside):
            extent += self.width(font, text) + LABEL_GAP
        return extent + BADGE_SIZE + LABEL_GAP

    def held_text_extent(self, wording: TimelineWording, validity: Validity) -> float:
        """How far right of its marker a held row's texts reach."""
        extent = MARKER_SIZE / 2 + LABEL_GAP
        for text, _colour, font in wording.held_texts(validity):
            extent += self.width(font, text) + LABEL_GAP
        return extent
