#!/usr/bin/env bash
# Put StudyPlanner in the current user's application menu.
#
# Installs the desktop entry, the icons (hicolor theme) and the AppStream metainfo under
# ${XDG_DATA_HOME:-~/.local/share}; no root needed. Works in two places:
#   - in an unpacked download, as StudyPlanner/install-desktop.sh: the entry starts that app;
#   - in a source checkout, as `make install-desktop`: the entry starts the packaged app in
#     dist/StudyPlanner/ if it has been built (make package), else the venv's `studyplanner`.
# Give an executable as the first argument to use another one; `--uninstall` removes the files.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [ -d "$here/_internal/resources" ]; then
  resources="$here/_internal/resources"
  candidates=("$here/StudyPlanner")
else
  resources="$here/../resources"
  candidates=("$here/../dist/StudyPlanner/StudyPlanner" "$here/../.venv/bin/studyplanner")
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(16 32 48 64 128 256)
metainfo=io.github.studyplanner.StudyPlanner.metainfo.xml

installed_files() {
  echo "$data/applications/studyplanner.desktop"
  echo "$data/metainfo/$metainfo"
  echo "$data/icons/hicolor/scalable/apps/studyplanner.svg"
  for size in "${sizes[@]}"; do
    echo "$data/icons/hicolor/${size}x${size}/apps/studyplanner.png"
  done
}

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
  fi
  touch "$data/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  installed_files | while IFS= read -r file; do rm -f "$file"; done
  refresh_caches
  echo "Removed the StudyPlanner menu entry and icons from $data"
  exit 0
fi

exe=""
if [ $# -gt 0 ]; then
  exe="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  for candidate in "${candidates[@]}"; do
    if [ -x "$candidate" ]; then
      exe="$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate")"
      break
    fi
  done
fi
if [ -z "$exe" ]; then
  echo "install-desktop: nothing to launch yet: run \`make package\` (or \`make run\` for the venv)" >&2
  exit 1
fi
if [ ! -x "$exe" ]; then
  echo "install-desktop: $exe is not an executable file" >&2
  exit 1
fi
case "$exe" in
  *[\"\`\$\\%]*)
    echo "install-desktop: the path $exe holds a character a desktop entry cannot quote simply (\" \` \$ \\ %); move the app" >&2
    exit 1
    ;;
esac

mkdir -p "$data/applications"
entry="$data/applications/studyplanner.desktop"
# The same entry as resources/studyplanner.desktop, with Exec pointing at this installation.
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec="%s" %%f\n' "$exe" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$resources/studyplanner.desktop" >"$entry.tmp"
mv "$entry.tmp" "$entry"

install -D -m 644 "$resources/$metainfo" "$data/metainfo/$metainfo"
install -D -m 644 "$resources/icons/studyplanner.svg" \
  "$data/icons/hicolor/scalable/apps/studyplanner.svg"
for size in "${sizes[@]}"; do
  install -D -m 644 "$resources/icons/studyplanner-$size.png" \
    "$data/icons/hicolor/${size}x${size}/apps/studyplanner.png"
done
refresh_caches

echo "Installed the StudyPlanner menu entry in $entry"
echo "  it starts: $exe"
