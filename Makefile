# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test golden install install-test install-dask accuracy bench readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

install-dask: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dask]'

run: install
	$(BIN)/reconcile compare samples/micron/1-thaw.txt samples/micron/2-tensions-easing.txt || [ $$? -eq 1 ]

test: install-test
	$(BIN)/python -m pytest

# Rewrite every expected output in tests/golden/ from the current code (tests/test_golden.py);
# review `git diff tests/golden` before committing.
golden: install-test
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

# Every benchmark on the shared labelled data (docs/accuracy.md); not part of `make test`.
accuracy: install
	$(BIN)/python bench/accuracy.py \
		--golden-rules $(SHARED)/data/segmentation/golden_rules_en.json \
		--mrpc $(SHARED)/data/mrpc/msr_paraphrase_train.txt \
		--summedits $(SHARED)/data/summedits/summedits_news_dev.json \
		--samples --generated 2,3,10,30,100 \
		--timeml $(SHARED)/data/timeml --real $(SHARED)/data/ecbplus --cases $(SHARED)/cases

# Speed and scale (docs/speed.md): start-up, growth with the sources against difflib,
# blocking recall (MRPC), batch of 1,000 stories (process pool and local Dask cluster);
# several minutes, not part of `make test`.
bench: install-dask
	$(BIN)/python bench/speed.py --mrpc $(SHARED)/data/mrpc/msr_paraphrase_train.txt

readme: install
	$(BIN)/python tools/readme.py

clean:
	rm -rf $(VENV) build *.egg-info
