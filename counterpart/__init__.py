"""Counterpart: a platform for running pairing-assistance programmes."""
