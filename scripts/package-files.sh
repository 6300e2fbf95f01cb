#!/usr/bin/env bash
# `make bundle`, before tauri-cli builds the .deb: what the package carries beside the app,
# into target/package/ (the paths src-tauri/tauri.conf.json's bundle.linux.deb.files names).
#  - man pages and bash/zsh completions, written by the release `andel` itself (`andel
#    generate`), so they always match its arguments; man pages gzipped as Debian wants;
#  - /usr/share/doc/andel/copyright: packaging/copyright.in with the full licence texts appended
#    from LICENSE and assets/fonts/OFL.txt, in Debian's machine-readable format.
set -euo pipefail
cd "$(dirname "$0")/.."

andel=${ANDEL_BIN:-target/release/andel}
[[ -x $andel ]] || { echo "build the command first: cargo build --release -p andel-cli (make bundle does)" >&2; exit 1; }
out=${ANDEL_PACKAGE_FILES:-target/package}
rm -rf "$out"
mkdir -p "$out"
"$andel" generate --out "$out" >/dev/null
# -n: no name or time stamp in the gzip header, so the same page gives the same bytes.
gzip -9n "$out"/man/*.1

# A licence text as a copyright-file field: each line indented by one space, empty lines " .".
as_field() {
  sed -e 's/[[:space:]]*$//' -e 's/^$/./' -e 's/^/ /' "$1"
}
{
  cat packaging/copyright.in
  echo
  echo "License: AGPL-3.0-or-later"
  as_field LICENSE
  echo
  echo "License: OFL-1.1"
  sed -n '/^SIL OPEN FONT LICENSE/,$p' assets/fonts/OFL.txt >"$out/ofl.txt"
  as_field "$out/ofl.txt"
} >"$out/copyright"
rm "$out/ofl.txt"
echo "$out: $(ls "$out"/man | wc -l) man pages, completions for bash and zsh, copyright"
