"""Starting the desktop app: QApplication, catalog, main window, the plan to show."""

from __future__ import annotations

import logging
import signal
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from studyplanner import APP_NAME, STARTED_AT, __version__, bootstrap, diagnostics, i18n
from studyplanner.i18n import _
from studyplanner.ui.dialogs.crash_reporter import CrashReporter

SMOKE_TIMEOUT_MS = 20_000


class _FirstPaint(QObject):
    """Notices the main window's first paint (for ``--smoke``)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, QApplication.quit)
        return False


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("studyplanner")
    install_translations(app, language)
    # the theme (apply_theme) dresses the style for a dark palette; the wheel guard goes on
    # once the window has painted (run_app)
    return app


def install_translations(app: QApplication, language: str | None = None) -> str:
    """Qt's own words (standard buttons, dialogs) and the app's, in ``language`` (a shipped
    language, from ``--lang`` or *View › Language*) or else the system's: gettext's variables,
    then the platform's UI languages (Windows, macOS). Returns the language installed; called
    again, it replaces the previous one."""
    import PySide6
    from PySide6.QtCore import QLocale, QTranslator

    chosen = i18n.shipped_language(language) or i18n.system_language(
        tuple(QLocale.system().uiLanguages())
    )
    for previous in app.findChildren(QTranslator, _QT_TRANSLATOR):
        app.removeTranslator(previous)
        previous.setObjectName("")  # gone for the next call, though deleted only later
        previous.deleteLater()
    if chosen != i18n.SOURCE_LANGUAGE:  # Qt's own words are written in English already
        from PySide6.QtCore import QLibraryInfo

        qt = QTranslator(app)  # parented to the app: lives as long as it does
        qt.setObjectName(_QT_TRANSLATOR)
        folders = [
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"),  # frozen app
        ]
        if any(qt.load(QLocale(chosen), "qtbase", "_", folder) for folder in folders):
            app.installTranslator(qt)
    i18n.install(chosen)  # English where no catalog was compiled
    return chosen


_QT_TRANSLATOR = "studyplanner-qtbase"


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_logger = logging.getLogger("studyplanner.qt")


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    _qt_logger.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


READY_MESSAGE = "Ready: the window is shown and closes cleanly on SIGTERM"
"""Logged once the event loop runs; tests that drive the app as a process wait for it."""


def _announce_ready() -> None:
    logging.getLogger(__name__).info(READY_MESSAGE)


def start_diagnostics(*, show_dialog: bool = True) -> CrashReporter | None:
    """Log to the data folder, keep crash traces, and report uncaught exceptions (once).

    Needs the QApplication; called once per run, after ``--data-dir`` took effect. Qt's own
    warnings go to the same log, since a windowed build has no terminal to print them on.
    """
    log_file = diagnostics.configure_app_logging()
    diagnostics.enable_crash_trace()
    qInstallMessageHandler(_log_qt_message)
    reporter = CrashReporter(log_file, QApplication.instance()) if show_dialog else None
    diagnostics.install_exception_hooks(reporter.report if reporter is not None else None)
    return reporter


class _CloseOnTermination:
    """Close the window (which flushes the autosave) on SIGTERM/SIGINT, e.g. at logout.

    Installed as soon as the application exists, so a signal that comes while the window is
    still being built (a logout during start-up) is not Python's default death: the window,
    once there, closes as soon as the event loop runs. Python only runs signal handlers between
    bytecodes, so a cheap timer keeps the interpreter ticking while Qt's event loop waits.
    """

    def __init__(self) -> None:
        self.window: QWidget | None = None
        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                signal.signal(number, self._request_close)

    def _request_close(self, _signum: int, _frame: object) -> None:
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        window = self.window
        while getattr(window, "successor", None) is not None:  # reopened on a new catalog
            window = window.successor  # type: ignore[union-attr]
        if window is not None:
            window.close()
        else:
            QApplication.quit()

    def watch(self, window: QWidget) -> None:
        self.window = window
        ticker = QTimer(window)
        ticker.timeout.connect(lambda: None)
        ticker.start(300)


def run_app(
    plan: Path | None = None,
    *,
    smoke: bool = False,
    screenshot: Path | None = None,
    theme: str | None = None,
    today: date | None = None,
    language: str | None = None,
) -> int:
    """Run the app until its window closes; with ``smoke``, exit after the first paint.
    ``today`` pins the day the plan is seen from (``--today``); the window says so.
    ``language`` (``--lang``, a shipped one) wins over the *View › Language* choice."""
    from studyplanner.domain.catalog import CatalogError
    from studyplanner.storage.catalog_updates import load_app_catalog
    from studyplanner.ui.document.prompts import UnattendedPrompts
    from studyplanner.ui.window.main_window import MainWindow, app_icon

    bootstrap.window_modules_loaded()
    app = create_application(language=language)
    termination = None if smoke else _CloseOnTermination()
    # --smoke must never wait on a dialog: there an uncaught exception is only logged (stderr)
    reporter = start_diagnostics(show_dialog=not smoke)
    app.setWindowIcon(app_icon())
    try:
        loaded = load_app_catalog()
    except (CatalogError, FileNotFoundError) as exc:
        logging.getLogger(__name__).error("The catalog cannot be read: %s", exc)
        if smoke:
            raise
        from PySide6.QtWidgets import QMessageBox

        problem = _("The certification catalog cannot be read:\n{problem}").format(problem=exc)
        QMessageBox.critical(None, APP_NAME, problem)
        return 2
    # --theme wins for this run only; otherwise the View › Theme choice (before any widget)
    from studyplanner.storage.settings import load_settings
    from studyplanner.ui.widgets.first_paint import after_first_paint
    from studyplanner.ui.widgets.theme import ThemeChoice, apply_theme
    from studyplanner.ui.widgets.wheel_guard import guard_wheel_once_painted

    settings = load_settings()  # read once: the theme here, then the window's session
    if language is None and settings.language in i18n.LANGUAGES:  # View › Language
        install_translations(app, settings.language)
    chosen = theme or settings.theme
    apply_theme(app, chosen if chosen in set(ThemeChoice) else ThemeChoice.SYSTEM)
    # --smoke answers no question: a damaged plan or one open elsewhere must not stop it
    window = MainWindow(
        loaded,
        prompts=UnattendedPrompts() if smoke else None,
        settings=settings,
        today=(lambda: today) if today is not None else date.today,
    )
    guard_wheel_once_painted(window)
    if reporter is not None:
        after_first_paint(window, reporter.load_dialog)
    if today is not None:
        window.show_pinned_today(today)
    window.open_initial(plan)
    if termination is not None:
        termination.watch(window)
        window.show()
        QTimer.singleShot(0, bootstrap.window_shown)
        QTimer.singleShot(0, _announce_ready)
        return app.exec()

    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    app.exec()
    if watcher.painted_at is None:
        print("studyplanner: the main window never painted", file=sys.stderr)
        return 1
    elapsed_ms = (watcher.painted_at - STARTED_AT) * 1000
    if screenshot is not None:
        app.processEvents()
        if not window.grab().save(str(screenshot)):
            print(f"studyplanner: could not write {screenshot}", file=sys.stderr)
            return 1
    print(f"first paint after {elapsed_ms:.0f} ms")
    window.close()
    return 0
