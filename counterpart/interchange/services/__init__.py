"""Writes of the interchange app: imports (services/imports.py) and the open data files
(services/open_data.py)."""

from counterpart.interchange.services.imports import (
    iati_mapping_set,
    iati_mappings_set,
    import_apply,
    import_check,
    import_queue,
    import_receive,
    import_run,
)
from counterpart.interchange.services.open_data import open_data_publish, open_data_settings_set

__all__ = [
    "iati_mapping_set",
    "iati_mappings_set",
    "import_apply",
    "import_check",
    "import_queue",
    "import_receive",
    "import_run",
    "open_data_publish",
    "open_data_settings_set",
]
