# Attest: `make run` serves the demo on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo worker screenshots bench-pack bench-upload clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

var:
	mkdir -p var/evidence

migrate: install var
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py loaddata fixtures/units/*.json

demo: migrate
	DEBUG=1 $(PY) manage.py demo_data

run: demo
	@echo "Attest on http://127.0.0.1:$(PORT)/ — log in as learner, assessor, iqa, verifier or admin (password: attest)"
	DEBUG=1 $(PY) manage.py db_worker & WORKER=$$!; \
	trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

screenshots: install
	$(PY) scripts/screenshots.py

bench-pack: install
	$(PY) scripts/bench_pack.py

bench-upload: install
	$(PY) scripts/bench_upload.py

clean:
	rm -rf var
