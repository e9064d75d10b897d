"""A job is named by a dotted path in a string (to queue it, to schedule it): a name that no
longer resolves fails only when the queue runs it, on a server, days later. Every such name in
the code resolves to work that takes the actor and a progress reporter."""

import ast
import inspect
import re
from pathlib import Path

from django.utils.module_loading import import_string

PACKAGE = Path(__file__).resolve().parents[2] / "counterpart"
JOB_NAME = re.compile(r"^counterpart\.\w+\.jobs\.\w+$")  # an app's jobs module, a function


def job_names() -> dict[str, str]:
    """{name: where it is written} of every string in the code that names a job."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            named = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if named and JOB_NAME.match(node.value):
                found.setdefault(node.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_job_named_in_the_code_resolves_to_work_the_queue_can_run():
    names = job_names()
    assert len(names) >= 8  # the walk finds them: queued, scheduled and named as constants
    broken = []
    for name, where in names.items():
        try:
            work = import_string(name)
        except ImportError:
            broken.append(f"{where} {name}: no such job")
            continue
        parameters = inspect.signature(work).parameters
        if not {"actor", "progress"} <= set(parameters):
            broken.append(f"{where} {name}: takes no actor or progress")
    assert broken == []
