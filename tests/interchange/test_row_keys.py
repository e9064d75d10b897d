"""The repeats of a file's row keys, found a batch at a time, are those a row-by-row look finds."""

from hypothesis import given
from hypothesis import strategies as st

from counterpart.interchange.row_keys import RowKeys


@given(
    keys=st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.integers(0, 5)),
    batch=st.integers(min_value=1, max_value=7),
)
def test_each_repeat_names_the_first_row_of_its_key_whatever_the_batches(keys, batch):
    rows = list(range(2, len(keys) + 2))  # a header in row 1
    first_of: dict[int, int] = {}
    expected = []
    for key, row in zip(keys, rows, strict=True):
        expected.append(first_of.get(key, 0))
        first_of.setdefault(key, row)
    seen, found = RowKeys(), []
    for start in range(0, len(keys), batch):
        found += seen.earlier_rows(keys[start : start + batch], rows[start : start + batch])
    assert found == expected
