# Single entry points. `make test` is the test command; `make main` the main job.
.PHONY: test main export clean venv
test:            ## set up, check notebooks clean and in sync, run every notebook and the smoke runs
	bash tools/test.sh
main:            ## set up, then run the training notebook (and evaluation) with its defaults
	bash tools/main.sh
export:          ## notebooks -> package
	.venv/bin/nbdev-clean && .venv/bin/nbdev-export
