#!/usr/bin/env bash
# What the test suite needs from the system, beyond Python and make: Xvfb and xdotool for the
# real-window tests, the xcb libraries Qt needs (shared/reference/qt-on-linux.md), fonts,
# poppler (pdftotext) for the printed pages, a font with Japanese glyphs for the Japanese
# report, gettext (msgmerge, for make i18n), binutils for PyInstaller, Python's venv module
# and the de_DE.UTF-8 locale the suite is also run under. `make test` runs this first.
#
# On Debian or Ubuntu as root, whatever is missing is installed; anywhere else it stops at once
# with the exact command to run. Nothing is done when everything is there.
set -euo pipefail

apt_packages=(
  xvfb xdotool x11-utils
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-dejavu-core fonts-ipafont-gothic poppler-utils gettext
  binutils
  locales
)
locale_wanted="de_DE.UTF-8"

have_locale() {
  locale -a 2>/dev/null | grep -ix 'de_DE.utf-\?8' >/dev/null
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian or Ubuntu: check the commands the tests call, and say what is missing.
  missing=()
  for command in Xvfb xdotool pdftotext; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  have_locale || missing+=("the $locale_wanted locale")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "make test needs: ${missing[*]} (Xvfb, xdotool, poppler's pdftotext, the $locale_wanted locale)." >&2
    echo "Install them with your system's package manager, then run make test again." >&2
    exit 2
  fi
  exit 0
fi

missing=()
# Debian's own Python keeps venv's ensurepip in a package of its own
"${PYTHON:-python3}" -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
need_locale=0
have_locale || need_locale=1
if [ ${#missing[@]} -eq 0 ] && [ $need_locale -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "make test needs packages and a locale this machine does not have yet. Run:" >&2
  if [ ${#missing[@]} -gt 0 ]; then
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  fi
  if [ $need_locale -eq 1 ]; then
    echo "  sudo sed -i 's/^# *\\(de_DE.UTF-8 UTF-8\\)/\\1/' /etc/locale.gen && sudo locale-gen" >&2
  fi
  echo "then make test again." >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing what the tests need: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! have_locale; then
  sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -qx 'de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen
fi
