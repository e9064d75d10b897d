"""Which rows of a file repeat an earlier row's key, for files of a million rows: the keys'
hashes and first rows are kept in two sorted numpy arrays (16 bytes a row, where a dict of them
took a hundred) and each batch of rows is checked against them at once.

Two different keys whose hashes are equal would read as one: for 64-bit hashes that is a chance
in forty million in a file of a million rows."""

import numpy as np


class RowKeys:
    def __init__(self):
        self.hashes = np.empty(0, dtype=np.int64)  # sorted
        self.rows = np.empty(0, dtype=np.int64)  # the first row of each

    def earlier_rows(self, hashes: list[int], rows: list[int]) -> list[int]:
        """For each row of a batch (its key's hash and its number, in the file's order), the
        first earlier row with the same key, or 0; the batch's new keys are kept."""
        if not hashes:
            return []
        keys = np.array(hashes, dtype=np.int64)
        numbers = np.array(rows, dtype=np.int64)
        earlier = np.zeros(keys.size, dtype=np.int64)
        if self.hashes.size:  # in an earlier batch
            at = np.searchsorted(self.hashes, keys)
            inside = at < self.hashes.size
            held = np.zeros(keys.size, dtype=bool)
            held[inside] = self.hashes[at[inside]] == keys[inside]
            earlier[held] = self.rows[at[held]]
        order = np.argsort(keys, kind="stable")  # equal keys stay in the file's order
        ordered = keys[order]
        repeat = np.zeros(keys.size, dtype=bool)
        repeat[1:] = ordered[1:] == ordered[:-1]
        starts = np.flatnonzero(~repeat)
        first = numbers[order[np.repeat(starts, np.diff(np.append(starts, keys.size)))]]
        in_batch = np.zeros(keys.size, dtype=np.int64)
        in_batch[order[repeat]] = first[repeat]  # a repeat within the batch: its run's first
        earlier = np.where(earlier > 0, earlier, in_batch)
        new = starts[earlier[order[starts]] == 0]
        at = np.searchsorted(self.hashes, ordered[new])
        self.hashes = np.insert(self.hashes, at, ordered[new])
        self.rows = np.insert(self.rows, at, numbers[order[new]])
        return earlier.tolist()
