"""Where the dev sets are, and the table the quote and date evals print."""

from __future__ import annotations

from pathlib import Path

# The dev sets each eval reads by default: the large files (tuning on the 30/40-item ones
# did not hold up on held-out data), named relative to ``shared/data`` beside the checkout.
DEV_FILES = {
    "quotes": "quotes-dev/polnear_dev_all.jsonl",
    "dates": "timex-dev/timebank_aquaint_all.jsonl",
    "entities": "ecbplus-dev/ecbplus_train_topics.jsonl",
    "stance": "stance-dev/fnc1_train.jsonl",
    "storylines": "mds-dev/multinews_val250.jsonl",
}


def dev_file(kind: str) -> Path:
    """The default dev file of an eval, as ``../shared/data/...`` (found from the working
    folder or any folder above it by ``resolve_dev_path``)."""
    return Path("../shared/data") / DEV_FILES[kind]


def resolve_dev_path(path: Path) -> Path:
    """``path`` as given if it exists; for a relative path like ``../shared/data/x``, also
    try it from each ancestor of the working directory (worktrees sit one level deeper)."""
    if path.exists() or path.is_absolute():
        return path
    parts = [p for p in path.parts if p != ".."]
    tail = Path(*parts) if parts else path
    for base in [Path.cwd(), *Path.cwd().parents]:
        candidate = base / tail
        if candidate.exists():
            return candidate
    return path


def format_table(rows: list[tuple[str, dict[str, float]]]) -> str:
    """Plain text table: one line per system, one column per metric."""
    if not rows:
        return ""
    metrics = list(rows[0][1])
    name_width = max(len(name) for name, _ in rows) + 2
    widths = [max(len(m), 6) + 2 for m in metrics]
    header = "system".ljust(name_width) + "".join(
        m.rjust(w) for m, w in zip(metrics, widths, strict=True)
    )
    lines = [header, "-" * len(header)]
    for name, values in rows:
        cells = "".join(f"{values[m]:.1f}".rjust(w) for m, w in zip(metrics, widths, strict=True))
        lines.append(name.ljust(name_width) + cells)
    return "\n".join(lines)
