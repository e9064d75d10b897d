"""What projects tell the apps above them, which they cannot call (the layers run one way)."""

from django.dispatch import Signal

# Sent inside the change's transaction, with `actor` and `project`, after a project's sector
# split or its publication changed: the ledger counts entries by both (funding listens), and
# the search box finds a project by its sectors (search listens).
counting_changed = Signal()
