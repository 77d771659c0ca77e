"""WARC ingest throughput: reading records in the driver, main-text extraction in an executor.

    PYTHONPATH=src python bench/bench_warc.py --pages 2000 --executor local|dask

Writes a WARC.gz of synthetic HTML news pages (text from bench/synthetic_pile.py wrapped in
navigation, sidebar and footer boilerplate) with warcio, then reports pages/s for
``read_warc_payloads`` and for ``payload_to_document`` (trafilatura) through the executor.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from synthetic_pile import build_pile  # noqa: E402

from storyline.config import IngestOptions  # noqa: E402
from storyline.ingest.warc import WarcPayload, payload_to_document, read_warc_payloads  # noqa: E402
from storyline.model import RawDocument  # noqa: E402
from storyline.run.executor import make_executor  # noqa: E402


def html_page(record: dict) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in record["text"].split("\n\n"))
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(30))
    return (
        f"<html><head><title>{record['title']}</title>"
        f'<meta property="article:published_time" content="{record["date"]}"></head><body>'
        f"<nav><ul>{nav}</ul></nav><main><article><h1>{record['title']}</h1>{paragraphs}"
        f"</article></main><aside>Most read: {' | '.join(f'Story {i}' for i in range(20))}"
        f"</aside><footer>Copyright {record['outlet']}. Terms. Privacy. Cookies.</footer>"
        f"</body></html>"
    ).encode()


def build_warc(pile: Path, out: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with open(pile, encoding="utf-8") as lines, open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for line in lines:
            record = json.loads(line)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = f"https://www.{record['outlet'].lower()}.example/news/{record['id']}"
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html_page(record)), http_headers=headers
                )
            )
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--executor", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="storyline-warc-"))
    pile, warc = workdir / f"warc-pile-{args.pages}.jsonl", workdir / f"pages-{args.pages}.warc.gz"
    build_pile(pile, args.pages, seed=11)
    pages = build_warc(pile, warc)
    print(f"WARC.gz: {pages} HTML responses, {warc.stat().st_size / 1e6:.1f} MB")
    options = IngestOptions()

    started = time.perf_counter()
    payloads = [x for x in read_warc_payloads(warc, options) if isinstance(x, WarcPayload)]
    read_s = time.perf_counter() - started
    with make_executor(args.executor, workers=args.workers) as executor:
        started = time.perf_counter()
        results = list(
            executor.map(partial(payload_to_document, options=options), payloads, chunk_size=32)
        )
        extract_s = time.perf_counter() - started
    docs = [r for r in results if isinstance(r, RawDocument)]
    dated = sum(1 for d in docs if d.date)
    print(f"read records   {len(payloads):>7} in {read_s:6.1f} s  {len(payloads) / read_s:8.0f}/s")
    print(
        f"extract ({args.executor}) {len(docs):>7} in {extract_s:6.1f} s  "
        f"{len(payloads) / extract_s:8.0f}/s  ({dated} with a date)"
    )


if __name__ == "__main__":
    main()
