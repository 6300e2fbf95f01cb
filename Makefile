# Andel — every target installs what it needs first (Debian/Ubuntu; see README for macOS/Windows).
#   make run     build the UI and start the desktop app
#   make test    formatting, lints, every Rust test, the UI's checks and the end-to-end tests
#   make lint    formatting and clippy only
#   make bench   criterion benchmarks (archive open/save against the age tool)
#   make bundle  the .deb package (target/release/bundle/deb/), then make package-test
#   make package-test  checks the .deb: control fields, files, `andel` run from a dpkg -x root
#   make bindings  regenerate ui/src/lib/ipc/bindings.ts from the Rust commands

SHELL := /bin/bash
CARGO_FEATURES := --features andel-desktop/custom-protocol
# Every UI step runs with a Node the UI can use: the system's when new enough, else the
# project-local one in .tools/, fetched on first use (scripts/node-env.sh).
WITH_NODE := source scripts/node-env.sh &&

.PHONY: run test lint bench bundle package-test bindings deps deps-system deps-ui ui e2e clean

deps: deps-system deps-ui

deps-system:
	@scripts/install-deps.sh

deps-ui: ui/node_modules/.andel-stamp

ui/node_modules/.andel-stamp: ui/package.json ui/package-lock.json
	$(WITH_NODE) cd ui && npm ci --no-audit --no-fund
	@touch $@

ui: deps-ui
	$(WITH_NODE) cd ui && npm run build

run: deps ui
	cargo run -p andel-desktop $(CARGO_FEATURES)

test: deps
	@scripts/test.sh

lint: deps
	cargo fmt --all --check
	cargo clippy --workspace --all-targets $(CARGO_FEATURES) -- -D warnings

bench: deps-system
	cargo bench -p andel-core

bindings: deps ui
	ANDEL_WRITE_BINDINGS=1 cargo test -p andel-desktop $(CARGO_FEATURES) typescript_bindings_are_up_to_date

e2e: deps ui
	cargo build --workspace $(CARGO_FEATURES)
	scripts/e2e.sh

# The .deb: the app, the `andel` command, its man pages and completions, the copyright file
# (scripts/package-files.sh), built by tauri-cli from ui/node_modules (pinned in package-lock),
# then checked by scripts/package-test.sh. The CLI and the app build in one cargo run, so
# andel-core is compiled once and tauri-cli's own build finds the app already built.
bundle: deps ui
	cargo build --release -p andel-cli -p andel-desktop $(CARGO_FEATURES)
	scripts/package-files.sh
	$(WITH_NODE) cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb
	scripts/package-test.sh

package-test:
	scripts/package-test.sh

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/e2e/out .tools
