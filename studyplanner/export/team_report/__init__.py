"""The printed team report (issue 25): targets first, then the team timeline and the people,
then the quarterly budget, and the files not read. One layout for print preview, paper and PDF,
on the plan report's machinery (``export.report``: sheet, blocks, pages, footer).

``document`` puts the sections together and paints the pages; ``tables`` cuts rows of text
into blocks; ``chart`` draws ``layout.team_timeline``, the layout the screen draws too.
"""

from __future__ import annotations

from studyplanner.export.team_report.document import (
    print_team_to_pdf,
    render_team_report,
    team_report_blocks,
)

__all__ = ["print_team_to_pdf", "render_team_report", "team_report_blocks"]
