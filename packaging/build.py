"""Build the packaged app and the archive users download: ``make package`` runs this.

Runs PyInstaller on ``packaging/studyplanner.spec`` (one folder, ``dist/StudyPlanner/``; on
Linux with ``install-desktop.sh`` beside the executable for a menu entry), then archives the
folder as ``dist/StudyPlanner-<version>-<os>-<machine>.tar.gz`` (a ``.zip`` on Windows; on
macOS the archive holds ``StudyPlanner.app``). Prints the build time and the sizes, and with
``--max-size-mb`` fails when the folder outgrows its budget, so bloat shows up in CI.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "studyplanner.spec"
APP_NAME = "StudyPlanner"


def app_version() -> str:
    """The version in ``studyplanner/__init__.py``, read without importing the package."""
    text = (ROOT / "studyplanner" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("build: no __version__ in studyplanner/__init__.py")
    return found.group(1)


def os_name() -> str:
    """The operating system as it appears in archive names."""
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return sys.platform


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes in regular files under ``folder`` (symlinks not followed) and how many files."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def _owned_by_nobody(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_archive(dist: Path, stem: str) -> Path:
    """Archive the built app for download; the top-level entry is the app folder (or .app)."""
    if sys.platform == "win32":
        archive = dist / f"{stem}.zip"
        folder = dist / APP_NAME
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path in sorted(folder.rglob("*")):
                zipped.write(path, path.relative_to(dist))
        return archive
    if sys.platform == "darwin":
        # ditto keeps the bundle's symlinks and code signature intact, unlike zipfile.
        archive = dist / f"{stem}.zip"
        archive.unlink(missing_ok=True)
        subprocess.run(
            ["ditto", "-c", "-k", "--keepParent", str(dist / f"{APP_NAME}.app"), str(archive)],
            check=True,
        )
        return archive
    archive = dist / f"{stem}.tar.gz"
    # Level 6: within 2% of level 9's size at about half the time.
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(dist / APP_NAME, arcname=APP_NAME, filter=_owned_by_nobody)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's scratch"
    )
    parser.add_argument(
        "--max-size-mb",
        type=float,
        default=None,
        metavar="MB",
        help="fail if the app folder is larger than this many megabytes (10^6 bytes)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    # The translations travel compiled (.mo); build output, so made here from the .po files.
    compiler = [sys.executable, str(ROOT / "tools" / "compile_catalogs.py"), "--all"]
    if subprocess.run(compiler, cwd=ROOT).returncode != 0:
        print("build: the translations could not be compiled (see above)", file=sys.stderr)
        return 1
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(args.dist),
        "--workpath",
        str(args.work),
        str(SPEC),
    ]
    print("build:", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        print("build: PyInstaller failed (see above)", file=sys.stderr)
        return 1
    build_seconds = time.perf_counter() - started

    folder = args.dist / APP_NAME
    if sys.platform.startswith("linux"):
        # Users who download the archive have no Makefile: the menu entry installer travels along.
        installer = folder / "install-desktop.sh"
        shutil.copy2(ROOT / "packaging" / "install_desktop.sh", installer)
        installer.chmod(0o755)
    size, files = folder_size(folder)
    stem = f"{APP_NAME}-{app_version()}-{os_name()}-{platform.machine().lower()}"
    started = time.perf_counter()
    archive = write_archive(args.dist, stem)
    archive_seconds = time.perf_counter() - started

    print(
        f"build: {folder} built in {build_seconds:.1f} s: {size / 1e6:.1f} MB "
        f"({size / 2**20:.1f} MiB) in {files} files"
    )
    print(
        f"build: {archive} written in {archive_seconds:.1f} s: "
        f"{archive.stat().st_size / 1e6:.1f} MB"
    )
    if args.max_size_mb is not None and size > args.max_size_mb * 1e6:
        print(
            f"build: the app folder is {size / 1e6:.1f} MB, over its budget of "
            f"{args.max_size_mb:g} MB: look at what the spec collects "
            f"(pyi-archive_viewer, or `du -a {folder} | sort -n | tail`)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
