#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Andel builds and tests with, only those missing.
# Uses sudo when not root. Rust itself comes from rustup (see README).
set -euo pipefail

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  nodejs npm
  xvfb xauth webkit2gtk-driver
  age sqlite3 qpdf poppler-utils fonts-liberation2
  tesseract-ocr tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-swe
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere (nvm, NodeSource): then npm is not needed from Debian.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run make again." >&2
  exit 1
fi
