# HybridContainer — set-up, demo and tests. `make demo` and `make test` work on a fresh
# Debian machine with the Swift toolchain: they install the Debian packages they need first.
SWIFT ?= swift

.PHONY: all setup build demo test leak-check crash-trials bench clean

all: build

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

demo: setup
	$(SWIFT) run container-demo

test: setup
	$(SWIFT) test
	cd Examples/CustomPlugin && $(SWIFT) run greeter-host

# Runs the context launch/release loop under valgrind's leak checker (run by hand).
leak-check: setup
	bash scripts/leak-check.sh

# Quick in-process measurement of bridge call costs against raw JavaScriptCore callbacks.
bench: setup
	$(SWIFT) run -c release hybrid-bench

clean:
	rm -rf .build .build-*

# 200 kill-during-install trials (CI runs 12).
crash-trials: setup
	HYBRID_CRASH_TRIALS=200 $(SWIFT) test --filter CrashSafetyTests
