#!/usr/bin/env bash
# `make package-test` (and `make bundle` after building, and `make test` when a package exists):
# checks the .deb a board member installs. Its control fields (a real Maintainer, Homepage,
# Section, the runtime Depends, each one a package apt knows), its files (both programs, the
# desktop entry, the icon, man pages, completions, the copyright file), then unpacks it into a
# temporary root with `dpkg -x` and runs the `andel` from there: --version and --help.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -n1 || true)}
[[ -n $deb && -f $deb ]] || { echo "no package to test: run make bundle first" >&2; exit 1; }
echo "testing $deb"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# --- control fields
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == andel ]] || fail "Package is '$(field Package)', not andel"
version=$(field Version)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail "Version '$version' is not a version"
maintainer=$(field Maintainer)
[[ $maintainer =~ ^[^\<]+\ \<[^@\ ]+@[^@\ ]+\.[a-z]+\>$ ]] || fail "Maintainer '$maintainer' is not 'Name <address>'"
[[ $(field Homepage) == https://* ]] || fail "no https Homepage"
[[ -n $(field Section) ]] || fail "no Section"
[[ -n $(field Description) ]] || fail "no Description"
depends=$(field Depends)
for need in libwebkit2gtk-4.1-0 libgtk-3-0 tesseract-ocr tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-swe poppler-utils; do
  [[ ", $depends," == *", $need"[\ ,]* ]] || fail "Depends lacks $need: $depends"
done
# Every name in Depends must be a package the distribution has (a typo would make the .deb
# uninstallable). apt knows them once `make deps` has run apt-get update.
IFS=',' read -ra alternatives <<<"$depends"
for alt in "${alternatives[@]}"; do
  known=""
  IFS='|' read -ra names <<<"$alt"
  for name in "${names[@]}"; do
    name=$(sed 's/(.*)//; s/[[:space:]]//g' <<<"$name")
    apt-cache show "$name" >/dev/null 2>&1 && known=1
  done
  [[ -n $known ]] || fail "apt knows no package for the dependency '$alt'"
done

# --- files
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./||; s|^|./|')
has() { grep -qx -- "$1" <<<"$contents" || fail "the package has no $1"; }
has ./usr/bin/andel
has ./usr/bin/andel-desktop
has ./usr/share/applications/Andel.desktop
has ./usr/share/man/man1/andel.1.gz
has ./usr/share/man/man1/andel-requests-list.1.gz
has ./usr/share/bash-completion/completions/andel
has ./usr/share/zsh/vendor-completions/_andel
has ./usr/share/doc/andel/copyright
grep -Eq '^\./usr/share/icons/hicolor/[0-9x@]+/apps/andel-desktop\.png$' <<<"$contents" ||
  fail "the package has no icon under /usr/share/icons/hicolor"

# --- installed into a temporary root
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
andel=$root/usr/bin/andel
out=$("$andel" --version) || fail "andel --version failed"
[[ $out == "andel $version" ]] || fail "andel --version says '$out', the package is $version"
help=$("$andel" --help) || fail "andel --help failed"
for word in "Usage: andel" init requests redact handover; do
  grep -q -- "$word" <<<"$help" || fail "andel --help does not mention '$word'"
done
# The two programs find every library they link against (the Depends above bring them).
for bin in "$andel" "$root/usr/bin/andel-desktop"; do
  missing=$(ldd "$bin" | grep 'not found' || true)
  [[ -z $missing ]] || fail "$(basename "$bin") lacks libraries: $missing"
done
grep -q "^Exec=andel-desktop" "$root/usr/share/applications/Andel.desktop" ||
  fail "the desktop entry does not start andel-desktop"
zcat "$root/usr/share/man/man1/andel.1.gz" | grep -q '^\.TH andel 1' || fail "andel.1 is not a man page"
zcat "$root/usr/share/man/man1/andel.1.gz" | grep -q 'requests' || fail "andel.1 does not list the subcommands"
bash -n "$root/usr/share/bash-completion/completions/andel" || fail "the bash completion is not valid bash"
# The completion offers the subcommands: load it and ask for `andel re<TAB>`.
words=$(bash -c "source '$root/usr/share/bash-completion/completions/andel'
  COMP_WORDS=(andel re); COMP_CWORD=1; COMP_LINE='andel re'; COMP_POINT=8
  _andel andel re andel; printf '%s\n' \"\${COMPREPLY[@]}\"" 2>&1) || true
for want in redact record requests retention; do
  grep -qx "$want" <<<"$words" || fail "bash completion of 'andel re' lacks $want (got: $(tr '\n' ' ' <<<"$words"))"
done
grep -q '#compdef andel' "$root/usr/share/zsh/vendor-completions/_andel" || fail "_andel is not a zsh completion"
grep -q 'GNU AFFERO GENERAL PUBLIC LICENSE' "$root/usr/share/doc/andel/copyright" ||
  fail "the copyright file lacks the AGPL's text"
grep -q '^License: OFL-1.1' "$root/usr/share/doc/andel/copyright" || fail "the copyright file lacks the font's licence"

if ((failures)); then
  echo "package test: $failures failures" >&2
  exit 1
fi
echo "ok: $(basename "$deb"): $(field Maintainer), Depends: $depends; andel --version: $out"
