"""House rules that the code itself can be checked against (ARCHITECTURE.md, rules 1 and 2):
writes happen in services only, and every service that changes data writes an audit event."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "counterpart"
WRITES = {"create", "update", "delete", "get_or_create", "update_or_create"}
BULK = {"bulk_create", "bulk_update"}
AUDITS = {"audit_record", "tracked_update", "provenance_record"}
# Services that change nothing anyone entered, and why they write no event of their own.
NO_EVENT = {
    "transaction_preview": "writes nothing: what recording would do",
    "reference_data_restore": "puts back the code lists the product ships",
    "ledger_totals_rebuild": "recomputes derived rows from the ledger, whose entries are audited",
    "notifications_read": "one's own notifications marked read: no record of the programme",
    "audit_chain_check": "a verdict on the log itself, kept append-only",
    "search_entries_rebuild": "derives the search entries from records whose changes are audited",
}


def python_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def is_services(path: Path) -> bool:
    return path.name == "services.py" or "services" in path.parts


def chain(node) -> list[str]:
    """`Post.objects.filter(x).update` → ["Post", "objects", "filter", "update"]."""
    names = []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            if isinstance(node, ast.Name):
                names.append(node.id)
            return names[::-1]


RELATIONS = {"add", "remove", "set", "clear"}  # a many-to-many relation's writes
# Calls that read like a write and are not, where they are.
NOT_WRITES = {"self.errors.add": "interchange/iati/reader.py: a set of the file's problems"}


def is_a_write(node: ast.Call) -> bool:
    """A model's or a queryset's write, in any of the ways Django offers one: through a
    manager, `save()`, `bulk_*`, `delete()` (no arguments: a row or a queryset, not a file or a
    key), `update(field=…)` on a queryset, a related manager's `create`, and a relation's
    `add`, `remove`, `set` or `clear`."""
    names = chain(node.func)
    method, plain = names[-1], not node.args and not node.keywords
    if ".".join(names) in NOT_WRITES:
        return False
    return (
        ("objects" in names[:-1] and method in WRITES)
        or method in BULK
        or (method == "save" and names[0] != "super")
        or (method == "delete" and plain)
        or (method == "update" and not node.args and bool(node.keywords))
        or (method == "create" and len(names) >= 3)
        or (method in RELATIONS and len(names) >= 3)
    )


def writes_in(tree) -> list[tuple[int, str]]:
    return [
        (node.lineno, ".".join(chain(node.func)))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_a_write(node)
    ]


def test_writes_happen_in_services_only():
    outside = [
        f"{path.relative_to(PACKAGE.parent)}:{line} {call}"
        for path in python_files()
        if not is_services(path)
        for line, call in writes_in(ast.parse(path.read_text()))
    ]
    assert outside == []


def test_the_guard_sees_every_kind_of_write():
    code = """
def view(r, rows, p, initial, storage):
    Post.objects.filter(pk=1).update(x=1)
    p.save()
    rows.update(status="closed")
    rows.delete()
    p.delete()
    p.milestones.create(title="x")
    p.sectors.add(1)
    p.sectors.set([1])
    p.sectors.remove(1)
    p.sectors.clear()
    initial |= {"x": 1}
    storage.delete("name")
"""
    assert [call for _line, call in writes_in(ast.parse(code))] == [
        "Post.objects.filter.update",
        "p.save",
        "rows.update",
        "rows.delete",
        "p.delete",
        "p.milestones.create",
        "p.sectors.add",
        "p.sectors.set",
        "p.sectors.remove",
        "p.sectors.clear",
    ]


def declared(node: ast.FunctionDef, *kinds: str) -> bool:
    return any(ast.unparse(d).split("(")[0] in kinds for d in node.decorator_list)


def declared_a_service(node: ast.FunctionDef) -> bool:
    return declared(node, "service")


def in_a_transaction(node: ast.FunctionDef) -> bool:
    """Declared a service (`@service`, atomic), or atomic around its writes."""
    return declared_a_service(node) or "transaction.atomic()" in ast.unparse(node)


def in_a_services_transaction(node: ast.FunctionDef) -> bool:
    """In a transaction of its own, or a step (`@step`), which refuses to run outside one."""
    return in_a_transaction(node) or declared(node, "step")


def services():
    """{name: (its calls, whether it writes)} of every service: a public function of a services
    module that writes in a transaction of its own (house rule 1): atomic as a whole, or, when it
    first computes for a while (a match run), around its writes."""
    found = {}
    for path in python_files():
        if not is_services(path):
            continue
        for node in ast.parse(path.read_text()).body:
            atomic = isinstance(node, ast.FunctionDef) and in_a_transaction(node)
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and atomic:
                calls = {
                    call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute | ast.Name)
                }
                found[node.name] = (calls, bool(writes_in(node)))
    return found


def test_every_service_that_changes_data_writes_an_audit_event():
    known = services()
    assert len(known) > 50  # the walk finds the services
    audited = {name for name, (calls, _w) in known.items() if calls & AUDITS}
    changed = True
    while changed:  # a service that calls an audited one is audited through it
        grown = {name for name, (calls, _w) in known.items() if calls & audited}
        changed = not grown <= audited
        audited |= grown
    silent = {
        name
        for name, (calls, writes) in known.items()
        if (writes or calls & set(known)) and name not in audited and name not in NO_EVENT
    }
    assert silent == set()


def test_every_service_that_audits_runs_in_a_transaction_of_its_own():
    """A service that writes an audit event is atomic: one whose decorator was lost (a helper
    slipped in above it) has its event refused outside a transaction, which the tests, each
    inside one, would never see. The audit module's own functions run in their caller's."""
    loose = []
    for path in python_files():
        if not is_services(path) or path.parent.name == "audit":
            continue
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            atomic = in_a_services_transaction(node)
            calls = {
                call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute | ast.Name)
            }
            if calls & AUDITS and not atomic:
                loose.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}")
    assert loose == []


def test_translatable_text_is_marked_under_a_name_makemessages_knows():
    """xgettext finds `_`, `gettext`, `gettext_lazy`, `ngettext`… only under those names: text
    marked through an alias (`gettext_lazy as _lazy`) is never extracted, so never translated."""
    known = {"_"}
    aliased = [
        f"{path.relative_to(PACKAGE.parent)}: {alias.name} as {alias.asname}"
        for path in python_files()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.asname and alias.asname not in known
    ]
    assert aliased == []


QUERY_CALLS = {"filter", "exclude", "order_by", "all", "select_related", "prefetch_related"}


def test_no_view_cuts_a_list_without_saying_so():
    """A list page pages (`page_of`, with "1–50 of 852") instead of slicing its rows: a slice of
    a selector's or a queryset's rows in a view stops a list silently."""
    cut = []
    for path in python_files():
        if path.name != "views.py" and "views" not in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)):
                continue
            sliced = node.value
            if isinstance(sliced, ast.Call):
                name = chain(sliced.func)[-1] if chain(sliced.func) else ""
                if name in QUERY_CALLS or name.endswith("_list"):
                    cut.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert cut == []


EAGER = {"gettext", "ngettext", "pgettext"}


def test_text_made_when_a_module_loads_is_translated_when_read():
    """`gettext` outside a function runs once, as the module loads, in English: the words stay
    English for every reader (the review tabs did). Text made then is `gettext_lazy`."""
    eager_calls = []
    for path in python_files():
        tree = ast.parse(path.read_text())
        eager = {
            alias.asname or alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
            for alias in node.names
            if alias.name in EAGER
        }
        pending = [(node, False) for node in tree.body]
        while pending:
            node, in_function = pending.pop()
            in_function = in_function or isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if called and node.func.id in eager and not in_function:
                eager_calls.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
            pending.extend((child, in_function) for child in ast.iter_child_nodes(node))
    assert eager_calls == []


def test_every_model_is_named_in_the_readers_language():
    """A model Django names itself ("employment report") is named in English for everyone: on
    the audit log's filter, the kind of a review, the label of a record."""
    from django.apps import apps
    from django.utils.functional import Promise

    unnamed = [
        model._meta.label
        for model in apps.get_app_config("core").apps.get_models()
        if model.__module__.startswith("counterpart.")
        and not isinstance(model._meta.verbose_name, Promise)
    ]
    assert unnamed == []


def test_every_declared_service_is_registered_atomic_and_keyword_only():
    """`@service` registers what it declares; a services module's functions declared so are
    all in the registry, and each runs in a transaction of its own (a write that fails half
    way leaves nothing)."""
    import importlib
    import inspect

    from counterpart.core.service import REGISTRY

    declared = set()
    for path in python_files():
        if not is_services(path):
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        importlib.import_module(module)
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and declared_a_service(node):
                declared.add(f"{module}.{node.name}")
    assert len(declared) > 100
    assert declared <= set(REGISTRY)
    for name in declared:
        parameters = inspect.signature(REGISTRY[name]).parameters.values()
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters), name


def test_a_service_with_a_loose_parameter_or_no_actor_first_is_refused_as_it_loads():
    from counterpart.core.service import REGISTRY, NotAService, service

    def positional(actor, pairing): ...

    def actor_later(*, pairing, actor): ...

    for wrong in (positional, actor_later):
        try:
            service(wrong)
        except NotAService:
            continue
        raise AssertionError(f"{wrong.__name__} was declared a service")

    def anonymous(*, key): ...

    declared = service(no_actor="nobody is signed in yet")(anonymous)
    assert REGISTRY.pop(f"{__name__}.anonymous") is declared


def test_a_services_module_offers_only_what_it_declares():
    """The public functions of a services module are its services, its steps (run inside a
    service's transaction) and its bookkeeping (a write outside the audit, saying why); a helper
    is private to its module (or to the package: a module named with `_`) or lives elsewhere."""
    undeclared = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}"
        for path in python_files()
        if is_services(path) and not path.name.startswith("_")
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and not declared(node, "service", "step", "bookkeeping")
    ]
    assert undeclared == []


@pytest.mark.django_db(transaction=True)  # no transaction around the test's own code
def test_a_step_refuses_to_run_outside_a_services_transaction():
    from django.db import transaction

    from counterpart.core.service import STEPS, OutsideAService, step

    @step
    def stamp(*, rows: list) -> None:
        rows.append("stamped")

    rows = []
    try:
        stamp(rows=rows)  # as a view might, forgetting the service
    except OutsideAService:
        pass
    else:
        raise AssertionError("a step ran outside a transaction")
    with transaction.atomic():
        stamp(rows=rows)
    assert rows == ["stamped"]
    assert STEPS.pop(f"{__name__}.stamp") is stamp
