"""The store's row state on both backends: read by key, written by change, replaced whole."""

from storyline.store.base import StateRows
from storyline.store.factory import open_store


def test_rows_are_read_by_key_and_only_changed_rows_written(db_url):
    with open_store(db_url) as store:
        store.save_analysis(
            [], [], {}, row_changes=StateRows({"df": {"a": "1", "b": "2", "c\u00e9": "3"}})
        )
        assert store.fetch_rows("df", ["a", "c\u00e9", "zz"]) == {"a": "1", "c\u00e9": "3"}
        assert store.stored_keys("df", ["b", "zz"]) == {"b"}
        assert store.count_rows("df") == 3 and store.count_rows("story") == 0
        store.save_analysis([], [], {}, row_changes=StateRows({"df": {"a": "5", "b": None}}))
        assert store.all_rows("df") == {"a": "5", "c\u00e9": "3"}
        # a state written whole drops every row of its kinds first
        whole = StateRows({"story": {"s": "{}"}}, replace=True, kinds=("df", "story"))
        store.save_analysis([], [], {}, row_changes=whole)
        assert store.all_rows("df") == {} and store.all_rows("story") == {"s": "{}"}


def test_many_keys_are_read_in_chunks(db_url):
    keys = [f"k{i}" for i in range(1_234)]
    with open_store(db_url) as store:
        rows = StateRows({"df": {k: str(i) for i, k in enumerate(keys)}})
        store.save_analysis([], [], {}, row_changes=rows)
        assert len(store.fetch_rows("df", keys)) == len(keys)
        assert len(store.stored_keys("df", [*keys, "missing"])) == len(keys)
