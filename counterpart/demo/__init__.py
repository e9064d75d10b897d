"""The demo: the 2010 round of pairing assistance to Xinjiang, from the facts in `facts/` (each
with its source: a seed article, public reports, or `illustrative`), loaded through services."""
