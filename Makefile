.PHONY: brief test bench
brief:  ## set up and brief the bundled sample pile
	scripts/brief.sh
test:  ## set up and run the whole test suite
	scripts/test.sh
bench:  ## pipeline throughput on synthetic articles
	.venv/bin/python bench/bench_pipeline.py --articles 2000
