from django.dispatch import Signal

# A record's review status changed: sent with `review`, `before` and `after` (statuses), inside
# the change's transaction, so that figures kept apart (the ledger's totals) follow it.
review_moved = Signal()
