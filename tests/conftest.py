from __future__ import annotations

from pathlib import Path

import pytest

# the hand-written multi-document clusters (summaries, their commands and baselines)
pytest_plugins = ["mds_fixtures"]

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "russia-syria"
SHARED_DATA = REPO.parent / "shared" / "data"  # the dev sets, beside the checkout


def dev_data(relative: str) -> Path:
    """A dev-set file under ../shared/data: a test asserting a dev-set target fails loudly
    when it is missing instead of skipping."""
    path = SHARED_DATA / relative
    assert path.exists(), f"dev data missing: {path} (../shared must sit beside the repo)"
    return path


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty store URL on each backend: a SQLite file, or a PostgreSQL schema of
    its own (dropped afterwards) when STORYLINE_TEST_PG_URL names a server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import os
    import uuid

    base = os.environ.get("STORYLINE_TEST_PG_URL")
    if not base:
        pytest.skip("STORYLINE_TEST_PG_URL not set (scripts/test.sh starts a PostgreSQL server)")
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = sa.engine.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
