"""The planning core stays Qt-free, so it runs (and is tested) without a QApplication."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import studyplanner.domain.advice, studyplanner.domain.catalog, studyplanner.domain.estimates
import studyplanner.domain.plan, studyplanner.domain.schedule, studyplanner.domain.suggest
import studyplanner.storage.plan_files, studyplanner.storage.catalog_source
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
print(",".join(qt))
"""


def test_domain_and_storage_import_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
