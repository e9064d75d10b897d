import pkgutil
import subprocess
import sys

import counterpart.engine


def test_engine_modules_import_without_django():
    """House rule 6: the engine is pure; importing all of it must not load Django."""
    modules = [
        m.name for m in pkgutil.iter_modules(counterpart.engine.__path__, "counterpart.engine.")
    ]
    assert modules, "the engine has modules to check"
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        + "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
