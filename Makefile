# Mirador: two commands on a fresh machine (Rust toolchain, Node/npm and apt present).
#   make run    set everything up, build, and serve the dashboard on its bundled data
#   make test   set everything up and run every test (core, snapshots, CLI, browser)
# Installs are pinned and idempotent (see ../shared/TOOLCHAIN.md): a tool already present at the
# right version is not reinstalled.

TRUNK_VERSION       := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION    := 132.0.0
TOOLS               := $(CURDIR)/tools
export PATH         := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO                := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup setup-web setup-browser setup-web-tests dist test-core test-browser serve clean size bench-load

run: setup-web dist serve

test: setup-web setup-browser setup-web-tests test-core dist test-browser

setup: setup-web setup-browser setup-web-tests

# axe-core (accessibility checks in the browser tests) and puppeteer-core (make bench-load), pinned
# by tests/web/package-lock.json; installed again only when the lock file changes.
setup-web-tests: tests/web/node_modules/.installed
tests/web/node_modules/.installed: tests/web/package-lock.json
	npm ci --prefix tests/web --no-audit --no-fund
	touch $@

setup-web:
	rustup target add wasm32-unknown-unknown
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
		cargo install trunk --version $(TRUNK_VERSION) --locked; fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then \
		npm install --no-save --no-audit --no-fund --prefix $(TOOLS) binaryen@$(BINARYEN_VERSION); fi

setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; fi

dist:
	trunk build --release
	@printf 'wasm: %s bytes, %s bytes gzipped\n' "$$(wc -c < $$(ls dist/*.wasm))" "$$(gzip -9c $$(ls dist/*.wasm) | wc -c)"

serve:
	@echo "Mirador on http://127.0.0.1:8080/"
	trunk serve --release

test-core:
	cargo test
	# The benchmarks are not run here, only built, so they cannot rot unseen.
	cargo build --benches

test-browser:
	cargo test --features browser-tests --test browser -- --test-threads=1
	@echo "screenshots in target/screenshots/"

size: dist

# The first chart and the dashboard interactive on a phone on a slow link (1.6 Mbps, 150 ms, CPU 4x
# slower), served with gzip: times, bytes fetched before each, and the floor they set. BENCHMARKS.md.
bench-load: setup-web setup-browser setup-web-tests dist
	node tests/web/bench-load.mjs dist

clean:
	rm -rf dist target/screenshots

# ---- Benchmarks (BENCHMARKS.md) ----
#   make bench          the engine compiled to WebAssembly vs crossfilter2, in one Node process,
#                       on the same 1M synthetic rows; last line: `ours/crossfilter median ratio: X`
#   make bench-native   criterion benchmarks at 10k, 100k, 1M rows, and the heap each size needs
# BENCH_ROWS and BENCH_ROUNDS change the comparison's size and number of measured rounds.
BENCH_ROWS          ?= 1000000
BENCH_ROUNDS        ?= 5
CROSSFILTER_VERSION := 1.5.4
BENCH_WASM          := $(CURDIR)/target/engine-wasm
# The release profile favours size (opt-level "z"); benchmarks measure the engine at -O3.
BENCH_PROFILE       := CARGO_PROFILE_BENCH_OPT_LEVEL=3 CARGO_PROFILE_BENCH_LTO=false CARGO_PROFILE_BENCH_CODEGEN_UNITS=16

.PHONY: bench bench-setup bench-native

bench: bench-setup
	cd bench/engine-wasm && CARGO_TARGET_DIR=$(BENCH_WASM) cargo build --release --target wasm32-unknown-unknown
	wasm-bindgen --target nodejs --out-dir $(BENCH_WASM)/pkg $(BENCH_WASM)/wasm32-unknown-unknown/release/mirador_engine_wasm.wasm
	N=$(BENCH_ROWS) ROUNDS=$(BENCH_ROUNDS) node --expose-gc --max-old-space-size=6000 bench/compare.mjs

bench-setup:
	rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@if [ "$$(node -p "require('./bench/node_modules/crossfilter2/package.json').version" 2>/dev/null)" != "$(CROSSFILTER_VERSION)" ]; then \
		npm ci --prefix bench --no-audit --no-fund; fi

bench-native:
	$(BENCH_PROFILE) cargo bench --bench engine
	$(BENCH_PROFILE) cargo bench --bench memory
