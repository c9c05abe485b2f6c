# Two commands do everything on a fresh machine: `make report` and `make test`.
# Each creates .venv (if missing) and installs the exact versions from requirements.lock.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help report test notebooks lab lock extract quality clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

report: $(STAMP) ## run every notebook headlessly and build reports/ (tables, figures, HTML)
	$(PY) -m analysis.report

test: $(STAMP) ## run the test suite, then nbval on the committed notebooks
	$(PY) -m pytest --nbval --nbval-current-env tests notebooks

notebooks: $(STAMP) ## re-execute notebooks/ in place with their default parameters (to commit)
	$(PY) -m analysis.report --store-notebooks

extract: $(STAMP) ## only the tables: python -m analysis extract seeds --out reports/tables
	$(PY) -m analysis extract seeds --out reports/tables

quality: $(STAMP) ## score the extractors against the hand-annotated development and held-out articles
	$(PY) -m analysis.benchmarks.fixtures --all

lab: $(STAMP) ## open JupyterLab on the project
	$(VENV)/bin/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

lock: ## re-resolve requirements.lock from pyproject.toml in a scratch venv
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[test]"
	build/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^syria-desk-analysis' > requirements.lock
	rm -rf build/lock-venv

clean: ## remove reports/ and the virtual environment
	rm -rf reports $(VENV)
