.PHONY: brief test bench bench-serve
brief:  ## set up and brief the bundled sample pile
	scripts/brief.sh
test:  ## set up and run the whole test suite
	scripts/test.sh
bench:  ## pipeline throughput on synthetic articles
	.venv/bin/python bench/bench_pipeline.py --articles 2000
bench-serve:  ## API/page requests/s and p95 latency on 127.0.0.1
	.venv/bin/python bench/bench_serve.py --articles 2000 --requests 400 --concurrency 4
