"""Sums that cannot overflow on either database.

PostgreSQL sums 64-bit integers into a numeric, which has no upper bound. SQLite sums into a
64-bit integer and fails past 2**63 ("integer overflow"): there each value is split into its
high and low 32 bits, which are summed apart (each part stays far from the limit for any number
of rows below 2**31) and joined again, exactly, in Python.
"""

from django.db import models

HALF = 2**32


class ExactSum(models.Aggregate):
    function = "SUM"
    name = "ExactSum"
    output_field = models.IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        value, params = compiler.compile(self.get_source_expressions()[0])
        # `%%`: the backend turns it into `%` as it turns `%s` into `?`; a bare `%` breaks
        # the query's logging under DEBUG (`sql % params`).
        high = f"CAST(SUM(({value}) / {HALF}) AS TEXT)"
        low = f"CAST(SUM(({value}) %% {HALF}) AS TEXT)"
        sql = f"{high} || ' ' || {low}"
        return sql, [*params, *params]

    @property
    def convert_value(self):
        return self._joined

    @staticmethod
    def _joined(value, expression, connection):
        if value is None:
            return None
        if isinstance(value, str):
            high, low = value.split()
            return int(high) * HALF + int(low)
        return int(value)
