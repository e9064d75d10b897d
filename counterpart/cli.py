"""The `counterpart` console script: Django's management commands under the project's name.

`counterpart demo`, `counterpart migrate`, `counterpart runserver` … are what `manage.py` would run.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "counterpart.settings")
    from django.core.management import execute_from_command_line

    from counterpart.clock import start_from_environment

    start_from_environment()

    execute_from_command_line(["counterpart", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
