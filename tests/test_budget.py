import threading
import time

import pytest

from storyline.budget import time_budget
from storyline.errors import BudgetExceeded, Errors


def test_a_runaway_loop_is_stopped_with_a_named_error():
    started = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught, time_budget(0.2, "quotes"):
        while True:
            pass
    assert 0.15 < time.monotonic() - started < 5
    assert caught.value.what == "quotes" and caught.value.seconds == 0.2


def test_work_inside_the_budget_is_untouched_and_nothing_fires_later():
    total, fired_inside = 0, 0
    for _ in range(500):
        try:
            with time_budget(0.002, "tiny"):
                total = sum(range(50))
        except BudgetExceeded:
            fired_inside += 1  # a loaded machine may pause the block past 2 ms: it may fire
    assert fired_inside < 500
    # a budget that ran out just as its block ended must not surface afterwards
    later = 0
    for _ in range(200_000):
        later += 1
    assert total == 1225 and later == 200_000


def test_budgets_work_in_other_threads():
    seen = []

    def work() -> None:
        try:
            with time_budget(0.2, "thread"):
                while True:
                    pass
        except BudgetExceeded as exc:
            seen.append(exc.what)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert seen == ["thread"]


def test_no_budget_means_no_limit():
    with time_budget(None):
        time.sleep(0.01)
    with time_budget(0):
        time.sleep(0.01)


def test_error_messages_carry_their_code():
    msg = Errors.E201.format(stage="quotes", seconds=60)
    assert msg.startswith("[E201] quotes over its time budget of 60 s")


def test_budgets_firing_at_their_edges_in_many_threads_never_deadlock_or_leak():
    # the watchdog's exception can land in a thread's own budget bookkeeping; when that
    # bookkeeping took a Python-level lock (threading.Condition), the lock stayed held and
    # every thread of the process hung at its next budget (a CI run hung here)
    results: list[tuple[int, int]] = []

    def work() -> None:
        fired = 0
        for i in range(100):
            try:
                with time_budget(0.003, "edge"):
                    # from about half to three times the budget: some end just before it
                    # runs out, some just after, some well after (so some surely fire)
                    sum(range(100_000 * (1 + i % 6)))
            except BudgetExceeded:
                fired += 1
        # nothing fires after the last budget ended, outside any budget
        leaked = 0
        try:
            end = time.monotonic() + 0.7
            while time.monotonic() < end:
                pass
        except BudgetExceeded:
            leaked = 1
        results.append((fired, leaked))

    threads = [threading.Thread(target=work, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == 4, "a thread hung at a budget"
    assert sum(fired for fired, _ in results) > 0  # the edges were really exercised
    assert all(leaked == 0 for _, leaked in results)
