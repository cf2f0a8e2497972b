"""The exam panel's *This week*: what to study each day of a week, from the weekly
availability: the exam, the domain, the hours, the review days and the exam days; the days
already past show what was logged.

It reads the analysis (``domain.week.week_of``) and moves a week back or forward with its
buttons, Alt+Left and Alt+Right (the usual Back and Forward keys), and Alt+Home back to this
week.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyplanner.domain.week import Week, WeekItem, WeekItemKind, week_of, week_start
from studyplanner.domain.wording import format_day, format_hours, short_weekday
from studyplanner.domain.wording_week import week_item_what
from studyplanner.i18n import _
from studyplanner.style import Colour, colour, is_dark_palette
from studyplanner.ui.document.plan_document import PlanDocument

ONE_WEEK = timedelta(days=7)


def item_text(item: WeekItem) -> str:
    """'SAA-C03 · Domain 2, Design Resilient Architectures · 1.5 h' ('review: Domain 3, ...'
    for the review block, '... (logged)' for a past day's session)."""
    return " · ".join([item.code, week_item_what(item), format_hours(item.hours)])


def week_item_text(item: WeekItem) -> str:
    """'Domain 2, Design Resilient Architectures · 1.5 h': ``item_text`` without the exam,
    for a week of one exam (its heading names it)."""
    return " · ".join([week_item_what(item), format_hours(item.hours)])


def week_title(week: Week, today: date) -> str:
    """'This week, 22 Feb 2027 – 28 Feb 2027 · 10 h' (or 'Next week', 'Last week', 'Week of
    ...')."""
    span = f"{format_day(week.start)} – {format_day(week.end)}"
    offset = (week.start - week_start(today)).days // 7
    named = {
        0: _("This week, {span}"),
        1: _("Next week, {span}"),
        -1: _("Last week, {span}"),
    }.get(offset, _("Week of {span}"))
    text = _("{week} · {hours}").format(
        week=named.format(span=span), hours=format_hours(week.hours)
    )
    codes = list(dict.fromkeys(item.code for item in week.items))
    return f"{text} ({', '.join(codes)})" if codes else text


def day_lines(week: Week, day: date) -> list[str]:
    """What a day of the week holds, line by line: its exams, then its study."""
    lines = [_("exam {code}").format(code=exam.code) for exam in week.exams if exam.day == day]
    return lines + [item_text(item) for item in week.items_on(day)]


def week_plain_text(week: Week) -> str:
    """The week as a screen reader reads it: one line per day."""
    out = []
    for day in week.days:
        lines = day_lines(week, day) or [_("no study")]
        out.append(f"{short_weekday(day)} {format_day(day)}: " + "; ".join(lines))
    return "\n".join(out)


class WeekBox(QGroupBox):
    """A week of study, day by day, with previous/next week and back to this week."""

    shown_week_changed = Signal(object)
    """The Monday of the week now shown (a ``date``)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("This week"), parent)
        self.setObjectName("thisWeek")
        self._document = document
        self._start = week_start(document.today())
        self._followed_today = document.today()
        self._highlight = ""
        self.week: Week | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(_("Week shown"))
        self.previous_button = QPushButton(_("◀ Previous"))
        self.this_week_button = QPushButton(_("This Week"))
        self.next_button = QPushButton(_("Next ▶"))
        tips = (
            (self.previous_button, _("Show the week before"), _("Previous week"), "Alt+Left"),
            (self.this_week_button, _("Show the week of today"), _("This week"), "Alt+Home"),
            (self.next_button, _("Show the week after"), _("Next week"), "Alt+Right"),
        )
        for button, tip, name, keys in tips:
            button.setAutoDefault(False)
            button.setAccessibleName(name)
            shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{tip} ({shortcut})")
        self.actions_by_key: dict[str, QAction] = {}
        for keys, slot in (
            ("Alt+Left", self.show_previous),
            ("Alt+Right", self.show_next),
            ("Alt+Home", self.show_this_week),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[keys] = action

        self.days = QLabel()
        self.days.setObjectName("weekDays")
        self.days.setTextFormat(Qt.TextFormat.RichText)
        self.days.setWordWrap(True)
        self.days.setAccessibleName(_("Study by day"))
        self.days.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keyboard users reach the days
        self.days.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.note = QLabel()
        self.note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.this_week_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.days)
        layout.addWidget(self.note)

        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.this_week_button.clicked.connect(self.show_this_week)
        document.changed.connect(self.refresh)
        document.opened.connect(self.refresh)
        self.refresh()

    @property
    def start(self) -> date:
        """The Monday of the week shown."""
        return self._start

    def set_highlighted_entry(self, entry_id: str) -> None:
        """Write the selected exam's study in bold (the others stay as they are)."""
        if entry_id != self._highlight:
            self._highlight = entry_id
            self.refresh()

    def show_week_of(self, day: date) -> None:
        self._start = week_start(day)
        self.refresh()
        self.shown_week_changed.emit(self._start)

    @Slot()
    def show_previous(self) -> None:
        self.show_week_of(self._start - ONE_WEEK)

    @Slot()
    def show_next(self) -> None:
        self.show_week_of(self._start + ONE_WEEK)

    @Slot()
    def show_this_week(self) -> None:
        self.show_week_of(self._document.today())

    @Slot()
    def refresh(self) -> None:
        document = self._document
        today = document.today()
        if today != self._followed_today:
            # a new day (midnight, or the window's today changed): this week stays this week
            if self._start == week_start(self._followed_today):
                self._start = week_start(today)
            self._followed_today = today
        week = self.week = week_of(document.analysis, self._start)
        self.heading.setText(week_title(week, today))
        self.this_week_button.setEnabled(self._start != week_start(today))
        self.days.setText(self._html(week, today))
        self.days.setAccessibleDescription(week_plain_text(week))
        self.note.setText(self._note(week, today))
        self.note.setVisible(bool(self.note.text()))

    def _note(self, week: Week, today: date) -> str:
        if self._document.schedule is None:
            return _("No plan for these days: the plan has no dates yet.")
        planned = any(item.kind is not WeekItemKind.LOGGED for item in week.items)
        if week.end >= today and not planned and not week.exams:
            return _("Nothing planned to study this week.")
        return ""

    def _html(self, week: Week, today: date) -> str:
        dark = is_dark_palette(self.palette())
        muted = colour(Colour.MUTED_TEXT, dark)
        review = colour(Colour.INFO, dark)
        exam_ink = colour(Colour.WARNING_EDGE, dark)
        today_fill = colour(Colour.PANEL, dark)
        rows = []
        exams = {item.entry_id for item in week.items}
        several = len({item.code for item in week.items}) > 1  # else the heading names it
        for day in week.days:
            head = f"{short_weekday(day)} {day.day}"
            hours = week.hours_on(day)
            shown = [
                f"<span style='color:{exam_ink}'><b>{escape(text)}</b></span>"
                for text in (
                    _("exam {code}").format(code=exam.code)
                    for exam in week.exams
                    if exam.day == day
                )
            ]
            for item in week.items_on(day):
                said = item_text(item) if several else week_item_text(item)
                # '1 h' never broken between the figure and its unit
                text = escape(said).replace(" h", "&nbsp;h")
                if item.kind is WeekItemKind.REVIEW:
                    text = f"<span style='color:{review}'>{text}</span>"
                elif item.kind is WeekItemKind.LOGGED:
                    text = f"<span style='color:{muted}'>{text}</span>"
                if item.entry_id == self._highlight and len(exams) > 1:
                    text = f"<b>{text}</b>"
                shown.append(text)
            if not shown:
                shown = [f"<span style='color:{muted}'>{escape(_('no study'))}</span>"]
            notes = [_("today")] if day == today else []
            if len(week.items_on(day)) > 1:  # one item says its own hours
                notes.append(format_hours(hours))
            head = f"<b>{escape(head)}</b>" if day == today else escape(head)
            if notes:
                said = escape(" · ".join(notes)).replace(" ", "&nbsp;")
                head += f"<br><span style='color:{muted}'>{said}</span>"
            style = f" style='background-color:{today_fill}'" if day == today else ""
            rows.append(
                f"<tr{style}><td style='padding:3px 8px 3px 2px' valign='top'>{head}</td>"
                f"<td style='padding:3px 4px' valign='top'>{'<br>'.join(shown)}</td></tr>"
            )
        return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # the inks follow the theme
