# Thin wrappers around dev.py, which does the work (and runs where make does not exist).
# Extra pytest arguments: make test ARGS="-k registrasi -x"
PYTHON ?= python3
ARGS ?=

.PHONY: run test lint format messages bench migrate

run:
	$(PYTHON) dev.py run $(ARGS)

test:
	$(PYTHON) dev.py test $(ARGS)

lint:
	$(PYTHON) dev.py lint

format:
	$(PYTHON) dev.py format

messages:
	$(PYTHON) dev.py messages

bench:
	$(PYTHON) dev.py bench

migrate:
	$(PYTHON) dev.py migrate
