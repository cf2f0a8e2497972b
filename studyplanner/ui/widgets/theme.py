"""Light, dark or the system's: which column of the colour registry the screen reads.

The application palette is the one source of truth: a palette is dark when its base is dark
(``style.is_dark_palette``). *System* leaves the palette to the platform and follows
``QStyleHints.colorScheme`` at run time; *Light* and *Dark* ask the platform for that scheme
and, where it does not oblige (X11, the offscreen platform), set a palette of our own. Widgets
that paint with registry colours read them through :func:`ink` and lay themselves out again on
``QEvent.PaletteChange``; anything else can listen to ``ThemeTracker.changed``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from studyplanner.domain.catalog import Tier
from studyplanner.i18n import N_, _
from studyplanner.style import Colour, is_dark_palette, qcolor, tier_qcolor

__all__ = [
    "ClearIndicators",
    "ThemeChoice",
    "ThemeTracker",
    "apply_theme",
    "clear_indicators",
    "dark_palette",
    "ink",
    "is_dark",
    "light_palette",
    "theme_tracker",
    "tier_ink",
]


class ThemeChoice(StrEnum):
    """What the learner chose under *View › Theme* (and ``--theme``)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        labels = {"system": N_("&System"), "light": N_("&Light"), "dark": N_("&Dark")}
        return _(labels[self.value])


NATIVE_STYLES_WITHOUT_DARK = ("windowsvista", "windows11", "windows")
"""Styles that draw their own light chrome whatever the palette: a forced dark theme uses Fusion."""


class ClearIndicators(QProxyStyle):
    """The style with check box and radio button frames that show on a dark palette.

    Fusion draws those frames in the window colour darkened, which on a dark window is nearly
    the window itself: *Show retired certifications* and *Fixed date* were boxes nobody could
    see (issue 21). On a dark palette a frame in the registry's muted text colour is drawn
    over Fusion's; light palettes are left as they are.

    The theme tracker puts it on only while the palette is dark: a style written in Python
    makes every widget's painting call into Python, and its first call makes PySide look
    through every style option class (about 20) to name the one it is given.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        kinds = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        )
        if element not in kinds or not is_dark_palette(option.palette):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(qcolor(Colour.MUTED_TEXT, True), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        frame = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(frame)
        else:
            painter.drawRoundedRect(frame, 2, 2)
        painter.restore()


def clear_indicators(app: QApplication, key: str | None = None) -> None:
    """Use ``key``'s style (by default the current one) with :class:`ClearIndicators`."""
    current = app.style()
    if key is None and isinstance(current, ClearIndicators):
        return
    base = key or (current.name() if current is not None else "Fusion")
    app.setStyle(ClearIndicators(base))


def is_dark() -> bool:
    """True when the application palette is dark, so the registry's dark column applies."""
    return is_dark_palette(QGuiApplication.palette())


def ink(name: Colour) -> QColor:
    """The registry colour ``name`` for the current theme (the one getter canvases use)."""
    return qcolor(name, is_dark())


def tier_ink(tier: Tier) -> QColor:
    """A tier's colour for the current theme."""
    return tier_qcolor(tier, is_dark())


def _palette(dark: bool) -> QPalette:
    """A complete palette built from the registry, so windows and canvases agree."""
    palette = QPalette()
    role = QPalette.ColorRole

    def c(name: Colour) -> QColor:
        return qcolor(name, dark)

    window = QColor("#23262D") if dark else QColor("#EFF1F4")
    button = QColor("#2C3038") if dark else QColor("#F6F7F9")
    highlight = QColor("#3D6DB5") if dark else c(Colour.SELECTION_RING)
    for name, value in (
        (role.Window, window),
        (role.WindowText, c(Colour.TEXT)),
        (role.Base, c(Colour.SURFACE)),
        (role.AlternateBase, c(Colour.PANEL)),
        (role.Text, c(Colour.TEXT)),
        (role.Button, button),
        (role.ButtonText, c(Colour.TEXT)),
        (role.BrightText, QColor("#FFFFFF")),
        (role.Highlight, highlight),
        (role.HighlightedText, QColor("#FFFFFF")),
        (role.ToolTipBase, button if dark else QColor("#FFFFFF")),
        (role.ToolTipText, c(Colour.TEXT)),
        (role.PlaceholderText, c(Colour.MUTED_TEXT)),
        (role.Link, c(Colour.INFO)),
        (role.LinkVisited, c(Colour.ACCENT)),
        (role.Light, QColor("#3A3F48") if dark else QColor("#FFFFFF")),
        (role.Midlight, QColor("#31353D") if dark else QColor("#E3E6EA")),
        (role.Mid, c(Colour.BORDER)),
        (role.Dark, QColor("#111317") if dark else QColor("#A0A7B1")),
        (role.Shadow, QColor("#000000")),
    ):
        palette.setColor(name, value)
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, c(Colour.FAINT))
    return palette


def dark_palette() -> QPalette:
    """The palette a forced dark theme sets where the platform has none."""
    return _palette(True)


def light_palette() -> QPalette:
    """The palette a forced light theme sets where the platform's is dark."""
    return _palette(False)


class ThemeTracker(QObject):
    """Keeps the application palette on the chosen theme and says when it turns light or
    dark (one per application: :func:`theme_tracker`)."""

    changed = Signal(bool)
    """The theme changed; the argument is True when it is now dark."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName("studyplannerThemeTracker")
        self._app = app
        self._choice = ThemeChoice.SYSTEM
        self._dark = is_dark()
        self._clear_indicators = False
        """Whether this tracker put :class:`ClearIndicators` on (for a dark palette)."""
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def dark(self) -> bool:
        return self._dark

    def apply(self, choice: ThemeChoice) -> None:
        """Switch to ``choice`` now (repainting every canvas through PaletteChange)."""
        self._choice = ThemeChoice(choice)
        hints = self._app.styleHints()
        if self._choice is ThemeChoice.SYSTEM:
            if hasattr(hints, "unsetColorScheme"):
                hints.unsetColorScheme()
            self._follow_system(hints.colorScheme())
            return
        dark = self._choice is ThemeChoice.DARK
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        if dark and isinstance(self._app, QApplication):
            style = self._app.style()
            if style is not None and style.name().lower() in NATIVE_STYLES_WITHOUT_DARK:
                clear_indicators(self._app, "Fusion")
        if is_dark() != dark:
            self._app.setPalette(dark_palette() if dark else light_palette())
        self._announce()

    @Slot(Qt.ColorScheme)
    def _on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._choice is ThemeChoice.SYSTEM:
            self._follow_system(scheme)

    def _follow_system(self, scheme: Qt.ColorScheme) -> None:
        """The platform's palette, or ours when the platform reports a scheme its palette
        does not show."""
        self._app.setPalette(QPalette())
        if scheme is Qt.ColorScheme.Dark and not is_dark():
            self._app.setPalette(dark_palette())
        elif scheme is Qt.ColorScheme.Light and is_dark():
            self._app.setPalette(light_palette())
        self._announce()

    def _announce(self) -> None:
        dark = is_dark()
        self._fit_indicators(dark)
        if dark != self._dark:
            self._dark = dark
            self.changed.emit(dark)

    def _fit_indicators(self, dark: bool) -> None:
        """:class:`ClearIndicators` on a dark palette; off again when it turns light."""
        if not isinstance(self._app, QApplication) or dark == self._clear_indicators:
            return
        if dark:
            clear_indicators(self._app)
        else:
            style = self._app.style()
            if isinstance(style, ClearIndicators) and style.baseStyle() is not None:
                self._app.setStyle(style.baseStyle().name())
        self._clear_indicators = dark


def theme_tracker(app: QGuiApplication | None = None) -> ThemeTracker:
    """The application's tracker, created on first use (following the system)."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the theme needs a QGuiApplication")
    found = app.findChild(ThemeTracker, "studyplannerThemeTracker")
    return found if isinstance(found, ThemeTracker) else ThemeTracker(app)


def apply_theme(app: QGuiApplication, choice: ThemeChoice | str) -> ThemeTracker:
    """Use ``choice`` ('system', 'light' or 'dark') from now on; returns the tracker, whose
    ``changed`` signal reports later switches (the system's included)."""
    tracker = theme_tracker(app)
    tracker.apply(ThemeChoice(choice))
    return tracker
