# HybridContainer — set-up, demo and tests. `make demo` and `make test` work on a fresh
# Debian machine with the Swift toolchain: they install the Debian packages they need first.
SWIFT ?= swift

.PHONY: all setup build demo test lint lint-js format docs leak-check crash-trials bench soak chaos fuzz fuzz-smoke fuzz-replay gc-torture clean

all: build

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

demo: setup
	$(SWIFT) run container-demo

# The suites run in parallel under a deadline (scripts/run-tests.sh); tests that block do so
# through HybridContainerTesting.blockingWork, off Swift's cooperative pool. The CustomPlugin
# example is a separate package: its tests (written with HybridContainerTesting) and its host
# run too, then the fuzz corpora are replayed and each fuzzer runs briefly.
test: setup lint
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) bash scripts/run-tests.sh
	cd Examples/CustomPlugin && $(SWIFT) build --build-tests && $(SWIFT) test --skip-build && $(SWIFT) run greeter-host
	$(MAKE) fuzz-replay fuzz-smoke
	bash scripts/gc-torture.sh slice

# Every .js resource parses; the framework's JavaScript unit tests pass (inside JavaScriptCore).
lint-js: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter FrameworkJavaScriptTests

# swift-format (part of the toolchain), configured by .swift-format.
# (Named folders only: a recursive run over Examples would also rewrite the example's .build.)
FORMATTED = Package.swift Sources Tests Benchmarks Fuzz Examples/CustomPlugin/Package.swift \
	Examples/CustomPlugin/Sources Examples/CustomPlugin/Tests
lint:
	$(SWIFT) format lint --strict -r $(FORMATTED)
	bash scripts/license-headers.sh

format:
	$(SWIFT) format format -i -r $(FORMATTED)

# DocC for every public module (swift-docc-plugin), into docs/<Module>.doccarchive.
DOC_MODULES = HybridTypes JSBridge Plugins BuiltInPlugins OfflineCache HybridContainer HybridContainerTesting
docs: setup
	mkdir -p docs
	for module in $(DOC_MODULES); do \
	  $(SWIFT) package --allow-writing-to-directory docs generate-documentation --target $$module \
	    --output-path docs/$$module.doccarchive || exit 1; \
	done

# The seed corpora (and any reproducer added to them) replayed by the plain builds.
fuzz-replay:
	$(SWIFT) build --product fuzz-manifest && $(SWIFT) build --product fuzz-package
	$(SWIFT) build --product fuzz-module-transform && $(SWIFT) build --product fuzz-values
	$(SWIFT) build --product fuzz-bridge && $(SWIFT) build --product fuzz-template
	.build/debug/fuzz-manifest Fuzz/Corpus/manifest/*
	.build/debug/fuzz-package Fuzz/Corpus/package/*
	.build/debug/fuzz-module-transform Fuzz/Corpus/module-transform/*
	.build/debug/fuzz-values Fuzz/Corpus/values/*
	.build/debug/fuzz-bridge Fuzz/Corpus/bridge/*
	.build/debug/fuzz-template Fuzz/Corpus/template/*

# libFuzzer with AddressSanitizer: 20,000 inputs per target with a fixed seed in `make test`
# (repeatable), 10 minutes of exploration per target by hand.
fuzz-smoke: setup
	bash scripts/fuzz.sh runs 20000

fuzz: setup
	bash scripts/fuzz.sh time $${FUZZ_SECONDS:-600}

# Minutes of 100 apps with timers and bridge calls, 10 relaunched every 10 s; RSS over time.
soak: setup
	$(SWIFT) run -c release hybrid-bench soak --minutes $${SOAK_MINUTES:-5} --apps $${SOAK_APPS:-100}

# Minutes of 50 apps calling random APIs with hostile values, random timers, random relaunches.
chaos: setup
	$(SWIFT) run -c release hybrid-bench chaos --minutes $${CHAOS_MINUTES:-5} --apps $${CHAOS_APPS:-50}

# Runs the context launch/release loop and 200 launch/destroy cycles under LeakSanitizer (run by hand).
leak-check: setup
	bash scripts/leak-check.sh

# Quick in-process measurement of bridge call costs against raw JavaScriptCore callbacks.
bench: setup
	$(SWIFT) run -c release hybrid-bench

clean:
	rm -rf .build .build-*

# The whole suite under JavaScriptCore's collector stress options, three configurations (run by
# hand, about 15 minutes; figures in RELIABILITY.md). `make test` runs a slice of it.
gc-torture: setup
	$(SWIFT) build --build-tests
	bash scripts/gc-torture.sh full

# 200 kill-during-install trials (CI runs 12).
crash-trials: setup
	HYBRID_CRASH_TRIALS=200 $(SWIFT) test --filter CrashSafetyTests
