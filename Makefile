# The README's two commands: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup translations demo lint format check-translations messages clean

## Set up everything and run the portal with demo data on http://127.0.0.1:8000/ (SQLite, no Docker).
run: export DEBUG ?= 1
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo "Open http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

## Set up everything and run the whole test suite.
test: export DEBUG ?= 1
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed translations

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python scripts/requirements.py test > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet -r $(VENV)/requirements.txt
	touch $@

## Compile the French catalogue (pure Python: no gettext tools needed).
translations: $(VENV)/.installed
	DEBUG=1 $(MANAGE) compile_translations

check-translations: $(VENV)/.installed
	DEBUG=1 $(MANAGE) compile_translations --check

APPS_WITH_CATALOGUES := workinggroup practices uploads submissions adaptations recommendations priorities discussions opendata digests
MAKEMESSAGES := makemessages -l fr --no-obsolete --add-location file

## Regenerate the French catalogues from the code (needs GNU gettext), then translate new entries:
## locale/ holds the site-wide strings (config, portal, templates/), each app its own in app/locale/.
messages:
	DEBUG=1 $(MANAGE) $(MAKEMESSAGES) -i ".venv/*" -i "var/*" -i "tests/*" -i "bench/*" \
		$(foreach app,$(APPS_WITH_CATALOGUES),-i "$(app)/*")
	for app in $(APPS_WITH_CATALOGUES); do \
		mkdir -p $$app/locale && (cd $$app && DEBUG=1 ../$(BIN)/python ../manage.py $(MAKEMESSAGES)); \
	done

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/local_imports.py

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var
