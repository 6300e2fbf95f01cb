#!/usr/bin/env bash
# End-to-end tests of the real desktop app: the debug build (with the UI embedded) runs under
# Xvfb and is driven over WebDriver by WebKitWebDriver. Screenshots go to tests/e2e/out/ and
# the ones the README shows to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh

app=target/debug/andel-desktop
[[ -x $app ]] || { echo "build the app first: cargo build -p andel-desktop --features custom-protocol" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver missing: make deps (webkit2gtk-driver)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run missing: make deps (xvfb)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/Documents" tests/e2e/out

# A fresh user: no preferences, no recent archives, English UI for the README's screenshots.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_DOCUMENTS_DIR="$work/Documents" LANG=en_US.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en
export ANDEL_E2E_WORK="$work" ANDEL_E2E_APP="$PWD/$app"
export TAURI_WEBVIEW_AUTOMATION=true
# WebKit's sandbox needs user namespaces that containers often lack; the app loads only its own pages.
export WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1

xvfb-run -a -s "-screen 0 1280x860x24" node tests/e2e/run.mjs 2>&1
