"""The printed plan: one layout for print preview, paper and PDF.

``document`` puts the sections together and paints the pages; ``header``, ``chart``, ``table``
and ``notes`` each cut one section into blocks; ``blocks`` places blocks on pages; ``sheet`` and
``text`` hold the page's measurements, type and colours.
"""

from __future__ import annotations

from studyplanner.export.report.document import (
    PAPER_SIZES,
    REPORT_MARGINS_MM,
    render_report,
    setup_printer,
)

__all__ = [
    "PAPER_SIZES",
    "REPORT_MARGINS_MM",
    "render_report",
    "setup_printer",
]
