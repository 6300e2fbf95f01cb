#!/usr/bin/env bash
# Part of `make test`: the set-up on a machine like a fresh Debian 12 or Ubuntu.
#  1. A `node` that reports v18 (what Debian 12 and Ubuntu 24.04 ship) first on PATH:
#     `make ui` must fetch the project-local Node and build the UI with it, never with the old one.
#  2. Rust missing or older than the workspace's rust-version: scripts/check-rust.sh stops with
#     one line that points to rustup; a new enough Rust passes silently.
# The project-local Node goes to a temporary folder, so the fetch itself is tested on every run
# (npm's cache keeps the second one off the network); the repository's .tools/ is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

real_node=$(command -v node) || fail "no node on PATH to stand behind the fake one"
mkdir -p "$work/fake"
# The fake says it is Node 18 and, like a real Node 18, runs what it is given (Debian's npm needs
# that to fetch), noting every call so the test can see what ran on it.
cat >"$work/fake/node" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >>"$work/fake-node.log"
case "\$1" in --version | -v) echo v18.19.0; exit 0 ;; esac
exec "$real_node" "\$@"
EOF
chmod +x "$work/fake/node"
: >"$work/fake-node.log"

touch "$work/before"
echo "PATH=<fake node v18>:\$PATH make ui"
PATH="$work/fake:$PATH" ANDEL_TOOLS_DIR="$work/tools" make --no-print-directory ui >"$work/make.log" 2>&1 ||
  { cat "$work/make.log"; fail "make ui failed with a Node 18 first on PATH"; }

[[ ui/dist/index.html -nt $work/before ]] || fail "make ui did not write ui/dist/index.html"
grep -q 'Fetching Node.js' "$work/make.log" || { cat "$work/make.log"; fail "make ui did not fetch the project-local Node"; }
local_node=$(echo "$work"/tools/node-*/bin/node)
[[ -x $local_node ]] || fail "no project-local node under $work/tools"
version=$("$local_node" --version)
[[ $version == v22.* ]] || fail "the project-local node is $version, not 22"
grep -q -- '--version' "$work/fake-node.log" || fail "the fake node was never asked for its version"
if grep -Eq 'vite|svelte' "$work/fake-node.log"; then
  fail "the UI was built on the fake Node 18: $(grep -E 'vite|svelte' "$work/fake-node.log" | head -n1)"
fi
chosen=$(PATH="$work/fake:$PATH" ANDEL_TOOLS_DIR="$work/tools" bash -c 'source scripts/node-env.sh && command -v node && command -v npm && npm --version')
[[ $(sed -n 1p <<<"$chosen") == "$local_node" ]] || fail "UI steps would run $(sed -n 1p <<<"$chosen"), not $local_node"
[[ $(sed -n 2p <<<"$chosen") == "$(dirname "$local_node")/npm" ]] || fail "UI steps would run npm from $(sed -n 2p <<<"$chosen")"
echo "ok: the UI was built with the project-local Node $version and npm $(sed -n 3p <<<"$chosen")"

# A system Node that is new enough stays in charge: nothing is fetched.
mkdir -p "$work/new"
printf '#!/bin/sh\ncase "$1" in --version) echo v22.12.0 ;; *) exec "%s" "$@" ;; esac\n' "$real_node" >"$work/new/node"
chmod +x "$work/new/node"
chosen=$(PATH="$work/new:$PATH" ANDEL_TOOLS_DIR="$work/none" bash -c 'source scripts/node-env.sh && command -v node')
[[ $chosen == "$work/new/node" && ! -e $work/none ]] || fail "a system Node 22.12 was not used as is (got $chosen)"
echo "ok: a system Node 22.12 is used as is"

# Rust: too old, missing, new enough. The tools check-rust.sh itself needs stay reachable.
need=$(sed -n 's/^rust-version *= *"\([^"]*\)".*/\1/p' Cargo.toml)
mkdir -p "$work/oldrust" "$work/bare"
printf '#!/bin/sh\necho "cargo 1.63.0"\n' >"$work/oldrust/cargo"
chmod +x "$work/oldrust/cargo"
for tool in bash sed sort head dirname printf; do
  ln -s "$(command -v "$tool")" "$work/bare/$tool" 2>/dev/null || true
done
check_rust() { # PATH, expected exit code, expected text
  local out code=0
  out=$(PATH=$1 bash scripts/check-rust.sh 2>&1) || code=$?
  [[ $code == "$2" ]] || fail "check-rust.sh with PATH=$1 exited $code, not $2: $out"
  [[ $(wc -l <<<"$out") == 1 || -z $3 ]] || fail "check-rust.sh printed more than one line: $out"
  [[ -z $3 || $out == *"$3"* ]] || fail "check-rust.sh said '$out', not '$3'"
  [[ -n $3 || -z $out ]] || fail "check-rust.sh printed '$out' for a Rust new enough"
}
check_rust "$work/oldrust:$work/bare" 1 "Rust 1.63.0 ($work/oldrust/cargo) is older than the $need Andel needs: install Rust with rustup"
check_rust "$work/bare" 1 "Rust is missing: Andel needs Rust $need or newer from rustup"
printf '#!/bin/sh\necho "cargo %s (0000000 2025-02-20)"\n' "$need.0" >"$work/oldrust/cargo"
check_rust "$work/oldrust:$work/bare" 0 ""
echo "ok: Rust missing or older than $need stops with one line about rustup"
