#!/usr/bin/env bash
# Compile both Windows installers on Linux with the real Inno Setup compiler under wine (CI uses
# this; on Windows, build_windows.ps1 does the same from the Windows build).
#
#   bash installer/build_frozen.sh         # first: makes dist/rrdesk, the one-folder build
#   bash installer/build_installer.sh      # then: makes dist/installers/rrdesk-VERSION-per-*.exe
#
# Needs Debian's wine with its 32-bit half (ISCC.exe is a 32-bit program):
#   dpkg --add-architecture i386 && apt-get update
#   apt-get install --no-install-recommends wine wine64 wine32:i386
# It installs nothing on the system itself. The compiler comes from the npm registry (package
# innosetup, pinned below) into build/innosetup; wine's prefix is build/wine.
#
# The Linux build stands in for the Windows one: its program is `rrdesk`, not `rrdesk.exe`, so
# the script is compiled with /DAppExe=rrdesk (the Start menu entry runs that file). The
# installers hold exactly dist/rrdesk, so tests/installer can install them under wine and check.
#
# Settings (environment):
#   RRDESK_INSTALLERS_OUT           where the installers go (default dist/installers)
#   RRDESK_INSTALLER_COMPRESSION    Inno Setup's Compression (default zip/1: some 30 s an
#                                   installer; lzma2/max, what ships, takes about 8 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INNOSETUP_VERSION=6.4.1
INNOSETUP=$ROOT/build/innosetup
ISCC=$INNOSETUP/node_modules/innosetup/bin/ISCC.exe
OUT=${RRDESK_INSTALLERS_OUT:-$ROOT/dist/installers}
COMPRESSION=${RRDESK_INSTALLER_COMPRESSION:-zip/1}
export WINEPREFIX=${WINEPREFIX:-$ROOT/build/wine}
export WINEDEBUG=-all
# No Mono or Gecko: nothing here needs .NET or a browser, and wine would offer to download them.
export WINEDLLOVERRIDES="mscoree,mshtml="
started=$SECONDS

for tool in wine wineserver npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: see the top of installer/build_installer.sh" >&2
    exit 1
  fi
done
if [[ ! -x $ROOT/dist/rrdesk/rrdesk ]]; then
  echo "dist/rrdesk is missing: run installer/build_frozen.sh first" >&2
  exit 1
fi

installed=$(sed -n 's/^ *"version": "\(.*\)",$/\1/p' "$INNOSETUP/node_modules/innosetup/package.json" \
  2>/dev/null || true)
if [[ $installed != "$INNOSETUP_VERSION" ]]; then
  echo "== Inno Setup compiler $INNOSETUP_VERSION (npm package innosetup) into build/innosetup"
  npm install --prefix "$INNOSETUP" --no-audit --no-fund --ignore-scripts --silent \
    "innosetup@$INNOSETUP_VERSION"
fi

# A Windows path for wine: its drive Z: is the Linux root.
windows_path() { local path=$1; echo "Z:${path//\//\\}"; }

if [[ ! -f $WINEPREFIX/system.reg ]]; then
  echo "== Setting up wine in $WINEPREFIX"
  prefix_started=$SECONDS
  wine wineboot --init >/dev/null 2>&1
  # The installers ask for Windows 10 or later; wine says Windows 7 unless told.
  wine winecfg /v win10 >/dev/null 2>&1
  wineserver -w
  echo "Setting up wine took $((SECONDS - prefix_started)) s"
fi
# Wine marks a file whose name starts with a dot as hidden, and the compiler leaves hidden files
# out; on Windows nothing in the build is hidden (python-docx's template has _rels/.rels).
if ! grep -q '^"ShowDotFiles"="Y"' "$WINEPREFIX/user.reg"; then
  wine reg add 'HKCU\Software\Wine' /v ShowDotFiles /d Y /f >/dev/null 2>&1
  wineserver -w
fi

version=$(python3 installer/version_info.py --print-version)
mkdir -p "$OUT"
rm -f "$OUT"/rrdesk-*-per-machine.exe "$OUT"/rrdesk-*-per-user.exe "$OUT/SHA256SUMS.txt"
for variant in per-machine per-user; do
  defines=(/DAppVersion="$version" /DAppExe=rrdesk /DCompression="$COMPRESSION")
  if [[ $variant == per-user ]]; then
    defines+=(/DPerUser)
  fi
  echo "== Compiling rrdesk-$version-$variant.exe (Inno Setup $INNOSETUP_VERSION, $COMPRESSION)"
  compile_started=$SECONDS
  if ! wine "$ISCC" /Q "${defines[@]}" /O"$(windows_path "$OUT")" \
    "$(windows_path "$ROOT/installer/rrdesk.iss")"; then
    echo "FAIL  Inno Setup could not compile installer/rrdesk.iss ($variant)" >&2
    exit 1
  fi
  wineserver -w
  echo "Compiled in $((SECONDS - compile_started)) s:" \
    "$(du -m "$OUT/rrdesk-$version-$variant.exe" | cut -f1) MB"
done
(cd "$OUT" && sha256sum "rrdesk-$version-per-machine.exe" "rrdesk-$version-per-user.exe" \
  >SHA256SUMS.txt)
echo "Installers in $OUT, built in $((SECONDS - started)) s"
