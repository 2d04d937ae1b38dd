# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: run test index eval bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first: the CPU build on this machine's disk; anything else pulls a CUDA build
	$(BIN)/pip install --disable-pip-version-check -q torch==2.13.0
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

index: $(STAMP)
	$(BIN)/advisor index

run: index
	$(BIN)/python app.py

# The browser test (tests/web, marked `browser`) drives Debian's Chromium: install it once when
# missing and we are root, without questions (the emoji font draws the feedback buttons).
test: $(STAMP)
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji; \
	fi
	$(BIN)/python -m pytest -q

eval: index
	$(BIN)/python -m evals.run

# Latency, throughput, start-up and build times (evals/bench.py); report in evals/reports/bench-*/.
bench: index
	$(BIN)/python -m evals.bench

lint: $(STAMP)
	$(BIN)/ruff check advisor tests evals app.py

clean:
	rm -rf index/store
