#!/usr/bin/env bash
# Build the one-folder frozen rrdesk on Linux and prove it runs (CI uses this).
#
#   bash installer/build_frozen.sh                      # makes its own venv in build/frozen-venv
#   PYTHON=.venv/bin/python bash installer/build_frozen.sh   # uses the project's venv
#
# Makes dist/rrdesk/, prints its size and the 15 largest items, fails if a Qt module rrdesk does
# not use got in or the folder is over budget, then runs `rrdesk --version`, `rrdesk-cli --version`
# and `rrdesk selftest` from it (offscreen, HOME in a throwaway folder). Exit 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUDGET_MB=${RRDESK_FROZEN_BUDGET_MB:-200}
DIST=$ROOT/dist/rrdesk
started=$SECONDS

if [[ -z "${PYTHON:-}" ]]; then
  VENV=$ROOT/build/frozen-venv
  if [[ ! -x $VENV/bin/python ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
  fi
  PYTHON=$VENV/bin/python
  # rrdesk itself is frozen from this checkout; only its dependencies are installed, at the
  # exact versions of the lock (make lock), each checked against its hash.
  "$PYTHON" -m pip install --quiet --require-hashes -r requirements/all.txt
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is missing: install requirements/all.txt (make test does)" >&2
  exit 1
fi
echo "== Freezing rrdesk with PyInstaller $("$PYTHON" -m PyInstaller --version) (one folder, no UPX)"

freeze_started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/rrdesk.spec
echo "PyInstaller took $((SECONDS - freeze_started)) s"

echo
echo "== Size of $DIST"
size_mb=$(du -sm "$DIST" | cut -f1)
echo "${size_mb} MB in $(find "$DIST" -type f | wc -l) files (budget ${BUDGET_MB} MB)"
set +o pipefail  # head closes the pipe early on purpose
echo
echo "-- The 15 largest files"
find "$DIST" -type f -printf '%s\t%P\n' | sort -rn | head -15 |
  awk -F'\t' '{ printf "%8.1f MB  %s\n", $1 / 1048576, $2 }'
echo
echo "-- The 15 largest folders and files directly in _internal"
du -sk "$DIST"/_internal/* "$DIST"/_internal/PySide6/* 2>/dev/null | sort -rn | head -15 |
  awk -F'\t' -v root="$DIST/" '{ sub(root, "", $2); printf "%8.1f MB  %s\n", $1 / 1024, $2 }'
set -o pipefail
echo

failed=0
forbidden=$(find "$DIST" \( -iname '*Qt6Quick*' -o -iname '*Qt6Qml*' -o -iname '*WebEngine*' \
  -o -iname '*Qt6Multimedia*' -o -iname '*Qt63D*' -o -iname '*Qt6Pdf*' -o -iname '*Qt6Network*' \
  -o -iname '*VirtualKeyboard*' -o -iname '*tkinter*' -o -iname 'skyfield*' \) -print)
if [[ -n $forbidden ]]; then
  echo "FAIL  the build holds modules rrdesk does not use (trim installer/rrdesk.spec):"
  echo "$forbidden" | sed "s|$DIST/|      |"
  failed=1
fi
if ((size_mb > BUDGET_MB)); then
  echo "FAIL  the folder is ${size_mb} MB, over the budget of ${BUDGET_MB} MB"
  failed=1
fi

# Run it as a person would, with nothing of this machine's: a throwaway home, no keyring service.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run() {
  env -i PATH=/usr/bin:/bin HOME="$scratch" XDG_DATA_HOME="$scratch/.local/share" \
    XDG_CONFIG_HOME="$scratch/.config" XDG_CACHE_HOME="$scratch/.cache" \
    XDG_RUNTIME_DIR="$scratch" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}

expected="rrdesk $("$PYTHON" installer/version_info.py --print-version)"
for program in rrdesk rrdesk-cli; do
  echo "== $program --version"
  if version=$(run "$DIST/$program" --version) && [[ $version == "$expected" ]]; then
    echo "PASS  $version"
  else
    echo "FAIL  $program --version printed '${version:-}', not '$expected'"
    failed=1
  fi
done

echo "== rrdesk selftest"
selftest_started=$SECONDS
if run "$DIST/rrdesk" selftest | tee "$scratch/selftest.txt"; then
  if ! grep -q '^PASS  Display: ' "$scratch/selftest.txt"; then
    echo "FAIL  the self-test did not check the display (wire DISPLAY_CHECK into cli.py)"
    failed=1
  fi
else
  echo "FAIL  rrdesk selftest exited non-zero"
  failed=1
fi
echo "The self-test took $((SECONDS - selftest_started)) s"
if compgen -G "$scratch/.local/share/rrdesk/selftest-*" >/dev/null; then
  echo "FAIL  the self-test left its folder behind"
  failed=1
fi

echo
echo "Frozen build: ${size_mb} MB, built and checked in $((SECONDS - started)) s"
if ((failed)); then
  echo "Frozen build FAILED"
  exit 1
fi
echo "Frozen build passed"
