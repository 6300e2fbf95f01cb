#!/usr/bin/env bash
# Stops with one line when Rust is missing or older than the workspace's rust-version, before
# anything is installed or built. Debian's and Ubuntu's own Rust packages are too old for Andel,
# so the way out is always rustup.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
need=$(sed -n 's/^rust-version *= *"\([^"]*\)".*/\1/p' "$root/Cargo.toml" | head -n1)
[[ -n $need ]] || { echo "scripts/check-rust.sh: no rust-version in Cargo.toml" >&2; exit 2; }

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: Andel needs Rust $need or newer from rustup (https://rustup.rs); install it, open a new terminal and run make again." >&2
  exit 1
fi
# "cargo 1.95.0 (f2d3ce0bd 2026-03-21)" -> 1.95.0
have=$(cargo --version 2>/dev/null | sed -n 's/^cargo \([0-9][0-9.]*\).*/\1/p')
if [[ -z $have ]]; then
  echo "$(command -v cargo) does not run (cargo --version failed): reinstall Rust with rustup (https://rustup.rs), then run make again." >&2
  exit 1
fi
if [[ $(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n1) != "$need" ]]; then
  if command -v rustup >/dev/null; then
    echo "Rust $have is older than the $need Andel needs: run 'rustup update stable', then make again." >&2
  else
    echo "Rust $have ($(command -v cargo)) is older than the $need Andel needs: install Rust with rustup (https://rustup.rs), open a new terminal and run make again." >&2
  fi
  exit 1
fi
