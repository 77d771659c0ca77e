from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "russia-syria"


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLES
