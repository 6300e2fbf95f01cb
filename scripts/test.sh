#!/usr/bin/env bash
# `make test`: every check, each reported; fails if any fails; ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
# The UI steps and the end-to-end run use the Node that `make` set up (the project-local one
# when the system's is too old).
source scripts/node-env.sh || exit 1

# A cold run writes about 5 GB to target/; a full disk shows up later as a linker's
# "IO failure on output stream", so say it first, plainly.
target_dir=${CARGO_TARGET_DIR:-target}
free_kb=$(df -Pk "$(if [[ -d $target_dir ]]; then echo "$target_dir"; else echo .; fi)" | awk 'NR == 2 { print $4 }')
if [[ -n $free_kb ]] && ((free_kb < 6 * 1024 * 1024)); then
  echo "warning: only $((free_kb / 1024)) MB free for $target_dir/; a cold make test needs about 5 GB." >&2
  echo "         Free some space (cargo clean in other checkouts) if the build fails with 'No space left on device'." >&2
fi

features=(--features andel-desktop/custom-protocol)
passed=0
failed=0
failures=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "--- ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- FAILED: $name ($((SECONDS - start)) s)"
  fi
}

step "UI build" bash -c "cd ui && npm run build"
step "set-up: a too-old Node and Rust (scripts/test-setup.sh)" scripts/test-setup.sh
step "cargo fmt --check" cargo fmt --all --check
step "cargo clippy" cargo clippy --workspace --all-targets "${features[@]}" -- -D warnings
step "Rust tests" cargo test --workspace --no-fail-fast "${features[@]}"
step "licences (cargo-deny against deny.toml)" scripts/licenses.sh
step "UI checks (svelte-check)" bash -c "cd ui && npm run check"
step "UI tests (vitest)" bash -c "cd ui && npm test"
# Same targets and features as the test run above, so it reuses every artifact and only links
# the app's binary (`-p andel-desktop` alone would resolve features differently and rebuild).
step "desktop build for end-to-end" cargo build --workspace --all-targets "${features[@]}"
step "end-to-end (real app under Xvfb)" scripts/e2e.sh
# The package is built only by `make bundle` (a release build: too long for this run); when one
# is there, it is checked too.
skipped=0
if compgen -G "target/release/bundle/deb/*.deb" >/dev/null; then
  step "the .deb package (scripts/package-test.sh)" scripts/package-test.sh
else
  skipped=1
  echo
  echo "=== skipped: the .deb package test (no package built; make bundle builds one)"
fi

echo
if ((failed)); then
  echo "Failed: ${failures[*]}"
fi
if ((skipped)); then
  echo "make test: $passed passed, $failed failed, $skipped skipped"
else
  echo "make test: $passed passed, $failed failed"
fi
((failed == 0))
