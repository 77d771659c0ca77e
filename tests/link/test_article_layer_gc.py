"""The analyst layer pauses Python's cycle collector around extraction work only, and
always gives it back as it found it."""

from __future__ import annotations

import gc

import pytest

from storyline.link.article_layer import collector_paused


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_work_fails() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("an extractor failed")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_pauses_leave_it_on() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
