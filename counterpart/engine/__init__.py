"""Pure algorithms: plain Python in, plain Python out. Nothing here may import Django (rule 6)."""
