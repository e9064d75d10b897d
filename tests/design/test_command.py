"""`counterpart design solve INPUT.json --out RESULT.json`: the README's format in and out; a
value that cannot be read is refused naming its place in the input, input no design can meet
naming the constraint, in the person's language; never a traceback."""

import json

import pytest
from django.core.management import CommandError, call_command

from counterpart.engine.design import Donor, Problem, Recipient, objective

INPUT = {
    "donors": [
        {"ref": "beijing", "capacity": 3_000_000_000, "max_recipients": 3},
        {"ref": "guangdong", "capacity": 4_500_000_000},
        {"ref": "shenzhen", "capacity": 1_500_000_000, "min_recipients": 1},
    ],
    "recipients": [
        {"ref": "653201", "population": 408_900, "group": "6532"},
        {"ref": "653221", "population": 320_000, "group": "6532"},
        {"ref": "653101", "population": 711_300, "group": "6531", "weight": 1.5},
        {"ref": "653121", "population": 300_000, "group": "6531"},
        {"ref": "653122", "population": 280_000, "group": "6531"},
    ],
    "fixed": [["beijing", "653201"]],
    "forbidden": [["shenzhen", "653201"]],
    "max_groups_per_donor": 1,
    "current": [["beijing", "653201"], ["beijing", "653221"], ["guangdong", "653101"]],
}


def solved(tmp_path, data, *extra) -> dict:
    source, out = tmp_path / "input.json", tmp_path / "result.json"
    source.write_text(json.dumps(data), encoding="utf-8")  # a lone surrogate as \\ud800
    call_command("design", "solve", str(source), "--out", str(out), *extra)
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_design_is_written_as_the_readme_says(tmp_path, capsys):
    result = solved(tmp_path, INPUT)
    assert set(result) == {"assignment", "objective", "changes", "proven_optimal", "gap", "seconds"}
    pairs = {tuple(pair) for pair in result["assignment"]}
    assert ("beijing", "653201") in pairs and ("shenzhen", "653201") not in pairs
    assert sorted(recipient for _donor, recipient in pairs) == sorted(
        r["ref"] for r in INPUT["recipients"]
    )
    groups = {r["ref"]: r["group"] for r in INPUT["recipients"]}
    for donor in ("beijing", "guangdong", "shenzhen"):  # one prefecture each at most
        assert len({groups[r] for d, r in pairs if d == donor}) <= 1
    problem = Problem(
        donors=[Donor(d["ref"], d["capacity"]) for d in INPUT["donors"]],
        recipients=[
            Recipient(r["ref"], r["population"], r.get("weight", 1.0)) for r in INPUT["recipients"]
        ],
    )
    assert result["objective"] == pytest.approx(
        objective(problem, {r: d for d, r in pairs}), rel=1e-12
    )
    assert result["proven_optimal"] is True and result["gap"] == 0
    assert "proven optimal" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["donors"][1].update(capacity=True), "donors[1].capacity"),
        (lambda d: d["donors"][1].update(capacity=-5), "donors[1].capacity"),
        (lambda d: d["donors"][1].update(capacity=2**63), "donors[1].capacity"),
        (lambda d: d["donors"][1].update(capacity="4.5亿"), "donors[1].capacity"),
        (lambda d: d["donors"][0].update(max_recipients=1.5), "donors[0].max_recipients"),
        (lambda d: d["recipients"][2].update(population=-1), "recipients[2].population"),
        (lambda d: d["recipients"][2].update(population={"a": [1]}), "recipients[2].population"),
        (lambda d: d["recipients"][0].update(ref="\ud800"), "recipients[0].ref"),
        (lambda d: d["recipients"][0].update(ref="x" * 10_000), "recipients[0].ref"),
        (lambda d: d["recipients"][0].update(ref=""), "recipients[0].ref"),
        (lambda d: d.update(fixed=[["beijing"]]), "fixed[0]"),
        (lambda d: d.update(max_groups_per_donor=0), "max_groups_per_donor"),
        (lambda d: d.update(donors={"beijing": 1}), "donors"),
    ],
)
def test_a_value_that_cannot_be_read_is_named_where_the_input_has_it(tmp_path, change, where):
    data = json.loads(json.dumps(INPUT))
    change(data)
    with pytest.raises(CommandError) as refused:
        solved(tmp_path, data)
    assert str(refused.value).startswith(f"{where}: ")
    assert not (tmp_path / "result.json").exists()


def test_input_no_design_can_meet_is_refused_in_the_persons_language(tmp_path):
    data = json.loads(json.dumps(INPUT))
    data["forbidden"] += [["beijing", "653121"], ["guangdong", "653121"]]
    data["forbidden"] += [["shenzhen", "653121"]]
    with pytest.raises(CommandError, match="653121"):
        solved(tmp_path, data)
    with pytest.raises(CommandError, match="653121") as refused:
        solved(tmp_path, data, "--lang", "zh-hans")
    assert "禁止" in str(refused.value)


@pytest.mark.parametrize("text", ["[", "{" * 100_000 + "}" * 100_000, "\x00"])
def test_a_file_that_is_not_json_is_refused(tmp_path, text):
    source = tmp_path / "input.json"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("design", "solve", str(source), "--out", str(tmp_path / "out.json"))
