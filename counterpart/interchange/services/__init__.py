"""Writes of the interchange app: imports (services/imports.py) and the open data files
(services/open_data.py)."""

from counterpart.interchange.services.imports import (
    file_data,
    iati_mapping_set,
    import_apply,
    import_check,
    import_queue,
    import_receive,
    import_run,
    run_file,
)
from counterpart.interchange.services.open_data import open_data_publish, open_data_settings_set

__all__ = [
    "file_data",
    "iati_mapping_set",
    "import_apply",
    "import_check",
    "import_queue",
    "import_receive",
    "import_run",
    "open_data_publish",
    "open_data_settings_set",
    "run_file",
]
