#!/usr/bin/env bash
# Prepare a machine to run and test Atrium.
#
#   scripts/setup.sh            runtime + dev dependencies (exact sync of the dev group too)
#   scripts/setup.sh --runtime  runtime dependencies only (uv sync --no-dev --inexact)
#
# Steps, each skipped when already done (a second run makes no apt calls and takes ~1 s):
#   1. Debian packages Qt needs at runtime, Xvfb and the sqlite3 CLI: installed with apt-get when
#      root (or with passwordless sudo), otherwise the exact apt-get command is printed and the
#      script exits non-zero.
#   2. Python >= 3.11 (python3 on PATH).
#   3. uv: the one on PATH, else .tools/bin/uv, else bootstrapped into .tools (a plain venv, so
#      PEP 668 "externally managed" system Pythons are fine).
#   4. uv sync --frozen from the committed uv.lock into .venv, with the system python3 and no
#      Python downloads, byte-compiled (fast start-up even under PYTHONDONTWRITEBYTECODE).
set -euo pipefail

UV_VERSION="0.13.9"
MIN_PYTHON="3.11"

mode="dev"
case "${1:-}" in
    "" | --dev) mode="dev" ;;
    --runtime) mode="runtime" ;;
    -h | --help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "setup: unknown argument '$1' (expected --runtime or --dev)" >&2
        exit 2
        ;;
esac

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root_dir"

say() { echo "setup: $*"; }
die() {
    echo "setup: error: $*" >&2
    exit 1
}

# --- 1. Debian packages -----------------------------------------------------------------------

debian_packages=(
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libpulse0 xvfb xauth sqlite3 trayer
    appstream desktop-file-utils
)

uv_on_path() { command -v uv >/dev/null 2>&1; }
need_uv_bootstrap() { ! uv_on_path && [ ! -x .tools/bin/uv ]; }

if command -v dpkg-query >/dev/null 2>&1; then
    wanted=("${debian_packages[@]}")
    # python3 itself (Debian 12 ships 3.11) and, when uv must be bootstrapped, venv + ensurepip.
    if ! command -v python3 >/dev/null 2>&1; then
        wanted+=(python3 python3-venv)
    elif need_uv_bootstrap && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
        wanted+=(python3-venv)
    fi

    # One dpkg-query call; a package is present only when its status is "ii".
    installed="$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null || true)"
    missing=()
    for pkg in "${wanted[@]}"; do
        if ! grep -qE "^${pkg//./\\.}(:[a-z0-9]+)? ii" <<<"$installed"; then
            missing+=("$pkg")
        fi
    done

    if [ "${#missing[@]}" -gt 0 ]; then
        install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"
        if [ "$(id -u)" -eq 0 ]; then
            sudo_cmd=()
        elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
            sudo_cmd=(sudo -n)
        else
            echo "setup: missing Debian packages: ${missing[*]}" >&2
            echo "setup: not root and no passwordless sudo; run this, then 'make setup' again:" >&2
            echo "" >&2
            echo "    sudo apt-get update && sudo $install_cmd" >&2
            echo "" >&2
            exit 1
        fi
        say "installing missing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        "${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed"
        "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            || die "apt-get install failed: $install_cmd"
    fi
else
    say "note: dpkg-query not found (not Debian/Ubuntu); skipping system packages."
    say "note: Qt needs OpenGL/EGL, xkbcommon(-x11), fontconfig, dbus, glib and xcb-cursor/icccm/"
    say "note: keysyms/image/render-util/shape/xinerama/randr libraries, plus Xvfb, xauth, sqlite3."
fi

# --- 2. Python --------------------------------------------------------------------------------

command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH; Atrium needs Python >= $MIN_PYTHON"
if ! python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    die "python3 is $(python3 -c 'import platform; print(platform.python_version())') ($(command -v python3)); Atrium needs Python >= $MIN_PYTHON"
fi

# --- 3. uv ------------------------------------------------------------------------------------

if uv_on_path; then
    uv="$(command -v uv)"
elif [ -x .tools/bin/uv ]; then
    uv="$root_dir/.tools/bin/uv"
else
    say "uv not on PATH; bootstrapping uv==$UV_VERSION into .tools/"
    python3 -c 'import ensurepip, venv' >/dev/null 2>&1 \
        || die "python3 cannot create virtual environments (on Debian: apt-get install python3-venv)"
    rm -rf .tools
    python3 -m venv .tools || die "python3 -m venv .tools failed"
    .tools/bin/pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" \
        || die "pip install uv==$UV_VERSION failed (is PyPI reachable?)"
    uv="$root_dir/.tools/bin/uv"
fi

# --- 4. Python dependencies from uv.lock ------------------------------------------------------

export UV_PYTHON_DOWNLOADS=never
sync_args=(sync --frozen --python python3 --compile-bytecode)
if [ "$mode" = "runtime" ]; then
    sync_args+=(--no-dev --inexact)
fi
say "$("$uv" --version | head -n1): ${sync_args[*]}"
"$uv" "${sync_args[@]}" --quiet || die "uv ${sync_args[*]} failed"

[ -x .venv/bin/python ] || die ".venv/bin/python missing after uv sync"
# Byte-compile Atrium's own modules too (the dependencies are, by --compile-bytecode): start-up
# stays fast even where PYTHONDONTWRITEBYTECODE keeps Python from caching them itself.
.venv/bin/python -m compileall -q desktop migrations >/dev/null || die "compileall failed"
say "ready ($mode): $(.venv/bin/python -c 'import platform; print("Python", platform.python_version())') in .venv"
