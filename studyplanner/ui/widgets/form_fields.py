"""Form pieces the editing panels share: date conversion, decimal spin boxes, aligned form
labels, a scrolling wrapper and the red problem line under a form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTime,
    Slot,
)
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from studyplanner.domain.plan import EARLIEST_DATE, LATEST_DATE
from studyplanner.domain.wording import format_day, parse_day, plural
from studyplanner.i18n import _
from studyplanner.style import Colour, colour, is_dark_palette

DATE_FORMAT = "d MMM yyyy"

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
"""The locale of every field: the app speaks locale-free English ('7 Mar 2027', '2.5'), so a
German desktop must not turn the month into 'Mär' or read '40.5' as 405."""


@contextmanager
def signals_blocked(*widgets: QObject) -> Iterator[None]:
    """Show values in ``widgets`` without their change signals turning into edits."""
    blockers = [QSignalBlocker(widget) for widget in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


class DateField(QDateEdit):
    """A date box that reads a typed date and is one Tab stop (issue 21).

    Qt's date box edits day, month and year as separate sections: "10 Jan 2024" typed over
    the selected date gave 7 Jan 2024, and Tab walked the sections instead of moving on. Here
    the text is typed as in any text field and read whole, as the field shows it or as ISO
    (``wording.parse_day``), when it makes a date; Tab and Shift+Tab go to the next and
    previous field; Up, Down and the wheel (while the field has the keyboard) still step the
    part of the date under the cursor; Alt+Down, F4 or the arrow button opens the calendar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(ENGLISH)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        # Qt moves the cursor to the nearest date section on every move, which scrambles text
        # typed freely (the jump to "7 Jan"); stepBy finds the part from the text instead.
        self.lineEdit().cursorPositionChanged.disconnect()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typing = bool(event.text()) and event.text().isprintable()
        editing = event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        if (typing or editing) and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            QAbstractSpinBox.keyPressEvent(self, event)  # plain typing, without the sections
            return
        opens_calendar = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens_calendar and self.calendarPopup():
            self.show_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the field (Qt's date box moved between its sections)."""
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            self.lineEdit().selectAll()  # what is typed replaces the date

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        day = parse_day(text)
        if day is not None and self.minimumDate() <= to_qdate(day) <= self.maximumDate():
            return QValidator.State.Acceptable, text, pos
        if _DATE_CHARACTERS.fullmatch(text):
            return QValidator.State.Intermediate, text, pos  # on the way to a date
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return text  # an unfinished date is not guessed at: leaving the field puts back the last

    def textFromDateTime(self, dt: QDateTime) -> str:
        """The date as the app writes it in the user's language ('7. Dez. 2026',
        '2026年12月7日'), which :meth:`dateTimeFromText` reads back."""
        return format_day(from_qdate(dt.date()))

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = parse_day(text)
        if day is None:
            return super().dateTimeFromText(text)
        return QDateTime(to_qdate(day), QTime(0, 0))

    def stepBy(self, steps: int) -> None:
        """Step the day, month or year the cursor is in (the parts of '10 Jan 2024')."""
        edit = self.lineEdit()
        text, cursor = edit.text(), edit.cursorPosition()
        part = text[:cursor].strip().count(" ") if " " in text.strip() else 0
        day = self.date()
        stepped = (day.addDays, day.addMonths, day.addYears)[min(part, 2)](steps)
        self.setDate(max(self.minimumDate(), min(stepped, self.maximumDate())))
        edit.setCursorPosition(min(cursor, len(edit.text())))

    def arrow_rect(self) -> QRect:
        """Where the calendar's arrow button is drawn."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )

    def show_calendar(self) -> None:
        """Open the calendar as a click on its arrow does (Qt has no call for it)."""
        at = QPointF(self.arrow_rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            click = QMouseEvent(
                kind,
                at,
                QPointF(self.mapToGlobal(at)),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(self, click)


_DATE_CHARACTERS = re.compile(r"[\w\s\-./,]*")


def bounded_date_edit() -> DateField:
    """A date field limited to the dates a plan can hold."""
    edit = DateField()
    edit.setDateRange(to_qdate(EARLIEST_DATE), to_qdate(LATEST_DATE))
    return edit


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def align_form_labels(*forms: QFormLayout) -> None:
    """Give the labels of several forms one width so that stacked sections line up."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if label is not None:
                labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class _FormScrollArea(QScrollArea):
    """Scrolls up and down only, so it is at least as wide as its form needs, measured when
    asked (measured once when built, the exam panel claimed 439 px for a form that needs
    324, and widened its dock the first time it was shown: the ladder jumped sideways)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(content.minimumSizeHint().width() + scroll_bar, hint.height())


def scrolling(content: QWidget) -> QScrollArea:
    """Let a tall form scroll inside a short dock instead of making the window taller."""
    area = _FormScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Tab goes straight to the first field (the area, without a frame, shows no focus); the
    # area still scrolls to whichever field has the keyboard.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def problem_label() -> QLabel:
    """Where a panel explains a value the plan refused; hidden while all is well."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour(Colour.ERROR, is_dark_palette(label.palette()))};")
    label.setAccessibleName(_("Problem"))
    label.hide()
    return label


def validation_message(exc: ValidationError) -> str:
    """The first problem pydantic found, in a sentence a user can act on."""
    first = exc.errors()[0]
    message = str(first.get("msg", _("invalid value")))
    return message.removeprefix("Value error, ")


class DecimalSpinBox(QDoubleSpinBox):
    """A number box that shows 2.5 and 8 rather than 2.50 and 8.00, with an optional unit that
    agrees with the number ('1 year', '2 years')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(ENGLISH)

    def set_unit(self, noun: str) -> None:
        """Show the number followed by ``noun``, made plural when the number asks for it, also
        while it is being typed (a box without keyboard tracking has no new value until the
        typing is done, and showed "1 years" meanwhile)."""
        self._unit = noun
        self.valueChanged.connect(self._update_unit)
        self.lineEdit().textEdited.connect(self._follow_typing)  # textChanged waits too
        self._update_unit(self.value())

    @Slot(str)
    def _follow_typing(self, text: str) -> None:
        suffix = self.suffix()
        if self.keyboardTracking() or not suffix or not text.endswith(suffix):
            return  # tracked boxes follow through valueChanged
        body = text.removesuffix(suffix)
        state = self.validate(text, len(body))[0]
        if state is not QValidator.State.Acceptable:
            return
        wanted = f" {plural(self.valueFromText(text), self._unit)}"
        if wanted == suffix:
            return
        edit = self.lineEdit()
        cursor = edit.cursorPosition()
        with signals_blocked(self):
            self.setSuffix(wanted)  # shows the last value again: the typing is put back
        edit.setText(body + wanted)
        edit.setCursorPosition(min(cursor, len(body)))

    def setValue(self, value: float) -> None:
        """Also keeps the unit right when the value is set with signals blocked."""
        super().setValue(value)
        if hasattr(self, "_unit"):
            self._update_unit(self.value())

    @Slot(float)
    def _update_unit(self, value: float) -> None:
        suffix = f" {plural(value, self._unit)}"
        if self.suffix() != suffix:
            self.setSuffix(suffix)

    def textFromValue(self, value: float) -> str:
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
