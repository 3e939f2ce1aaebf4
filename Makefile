# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

.PHONY: demo serve test install lint format typecheck pytest clean
WORKERS ?= $(shell echo $$(( 2 * $$(nproc) )))

$(BIN)/jeugdsturing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/jeugdsturing

## make demo: install, random keys for this install in var/sleutels.env (first run), migrate
## SQLite under ./var/, load reference and demo data, serve on $(HOST)
demo: install
	$(BIN)/jeugdsturing sleutels maak
	DEBUG=1 $(BIN)/jeugdsturing migrate --no-input -v 0
	DEBUG=1 $(BIN)/jeugdsturing demo load
	@echo ""
	@echo "Open http://$(HOST)/ en log in met een van de gebruikers hierboven. Stoppen: Ctrl+C."
	DEBUG=1 $(BIN)/jeugdsturing db_worker --no-startup-delay -v 0 & trap "kill $$!" EXIT INT TERM; \
	DEBUG=1 $(BIN)/jeugdsturing runserver $(HOST)

## make serve: as in production (gunicorn, $(WORKERS) worker processes, DEBUG off, static
## files by WhiteNoise, and the worker for background jobs beside it); needs SECRET_KEY,
## PSEUDONYMISATION_KEY and ALLOWED_HOSTS (docs/installatie.md, docs/configuratie.md)
serve: install
	$(BIN)/jeugdsturing migrate --no-input -v 0
	$(BIN)/jeugdsturing collectstatic --no-input -v 0
	$(BIN)/jeugdsturing db_worker -v 0 & trap "kill $$!" EXIT INT TERM; \
	$(BIN)/gunicorn jeugdsturing.wsgi --bind $(HOST) --workers $(WORKERS) --timeout 120

## make test: every check CI runs (format, lint, types, layers, tests)
test: install
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/mypy src tests
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

format: install
	$(BIN)/ruff format src tests tools benchmarks
	$(BIN)/ruff check --fix src tests tools benchmarks

clean:
	rm -rf $(VENV) var .mypy_cache .pytest_cache .ruff_cache
