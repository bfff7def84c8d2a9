# Lentera's contract: `make serve`, `make test`, `make dist`, `make bench`.
# Every target installs what it is missing (and nothing else), so a fresh Debian machine with
# rustup, cargo, node and npm needs no other step. Nothing here downloads a binary from a URL:
# tools come from crates.io, npm and Debian's apt.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION    := 0.21.14
BINARYEN_VERSION := 132.0.0
# wasm-bindgen-cli must equal the wasm-bindgen library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

TOOLS    := $(CURDIR)/.tools
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)
# trunk must never fetch tools itself.
export TRUNK_OFFLINE := true

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
E2E  := tests/e2e
PORT ?= 8080
HOST ?= 127.0.0.1

SOURCES := $(shell find src style public -type f) index.html app.html pelatih.html Cargo.toml Cargo.lock Trunk.toml \
           scripts/build-site.sh scripts/link-app.mjs scripts/sw-manifest.mjs scripts/sw.template.js scripts/precompress.mjs

.PHONY: help serve test lint test-native test-e2e dist bench size-floor tools browser e2e-deps sync-deps sync-server sizes

help:
	@echo "make serve   build the site and serve it on http://$(HOST):$(PORT)/"
	@echo "make test    native tests + browser tests in Chromium"
	@echo "make dist    build the static site into dist/ (what a trainer copies)"
	@echo "make bench   benchmarks"
	@echo "make sync-server  a CouchDB-protocol sync server on this machine (docs/sync.md)"

## ---- tools (each step is skipped when already present at the right version) ----

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] \
	  || cargo install --locked trunk@$(TRUNK_VERSION)
	@[ -n "$(WASM_BINDGEN_VERSION)" ] || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || cargo install --locked wasm-bindgen-cli@$(WASM_BINDGEN_VERSION) \
	  || cargo install --force wasm-bindgen-cli@$(WASM_BINDGEN_VERSION)
	@[ -x "$(TOOLS)/node_modules/.bin/wasm-opt" ] \
	  || npm install --prefix "$(TOOLS)" --no-audit --no-fund --loglevel=error binaryen@$(BINARYEN_VERSION)

# Debian's Chromium and its driver: Playwright drives this browser; it never downloads one.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; }

$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

e2e-deps: $(E2E)/node_modules/.installed

# The CouchDB-protocol server for sync (pouchdb-server, from its lockfile). No install
# scripts: its optional SQLite back end would be compiled; the LevelDB one ships prebuilt.
sync-server/node_modules/.installed: sync-server/package.json sync-server/package-lock.json
	cd sync-server && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

sync-deps: sync-server/node_modules/.installed

# A sync server on this machine (a trainer's laptop; docs/sync.md): data in sync-server/data,
# open to the site served by `make serve`. SYNC_ORIGINS adds where else the site is hosted.
SYNC_PORT ?= 5984
SYNC_ORIGINS ?= http://$(HOST):$(PORT), http://localhost:$(PORT)
sync-server: sync-deps
	node sync-server/start.mjs --port $(SYNC_PORT) --host $(HOST) --origins "$(SYNC_ORIGINS)"

## ---- build ----

dist: dist/index.html
	@scripts/sizes.sh dist

# Two apps from one crate: the learner app at the root (what tablets open: a small first screen,
# index.html, and the whole app in app/, app.html) and the trainer workbench in pelatih/
# (pelatih.html). Rebuilt only when a source changed.
dist/index.html: $(SOURCES) | tools
	scripts/build-site.sh dist
	@touch $@

serve: dist
	@echo "Lentera: http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	node scripts/serve.mjs dist $(PORT) / $(HOST)

## ---- checks ----

test: lint test-native test-e2e

# Clippy with warnings as errors, in both builds. `clippy.toml` forbids the standard sort and
# serde_json's typed reads outside `domain::sort` / `domain::json` (the download-size rules);
# tests and benchmarks may use them.
lint: tools
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
	cargo clippy --lib -- -D warnings
	cargo clippy --tests --benches -- -D warnings -A clippy::disallowed_methods
	cargo clippy --target wasm32-unknown-unknown --features bench -- -D warnings

test-native:
	cargo test --all-targets

test-e2e: dist browser e2e-deps sync-deps
	cd $(E2E) && npx playwright test

# The benchmark build: the app plus timing entry points (feature `bench`), never distributed.
dist-bench/index.html: $(SOURCES) | tools
	scripts/build-site.sh dist-bench --features bench
	@touch $@

# The reference for the first-visit figure: a hello-world Leptos site built the same way.
dist-hello/index.html: scripts/hello-site.sh scripts/size-floor/src/bin/leptos_hello.rs Cargo.lock | tools
	scripts/hello-site.sh dist-hello

bench: dist dist-bench/index.html dist-hello/index.html browser e2e-deps sync-deps
	cargo bench --bench rules
	cargo bench --bench sync
	cd $(E2E) && node browser-bench.mjs
	cd $(E2E) && node sync-bench.mjs

# What the wasm cannot go below: Leptos alone, and the domain core without screens.
size-floor: dist
	scripts/size-floor.sh
