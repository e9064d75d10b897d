"""`counterpart match-file INPUT.json --out RESULT.json`: any instance matched without a database,
the result checked against the README's own definition of what blocks, and every kind of bad
input refused naming its place in the file, in the person's language."""

import json
import re

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpart.core.json_input import InputError
from counterpart.talent.match_file import match, match_file_from

SMALL = {
    "posts": [
        {"ref": "P1", "capacity": 1, "place": "Hotan", "ranking": ["amy", "bo", "cy"]},
        {"ref": "P2", "capacity": 1, "place": "Hotan", "ranking": ["cy", "bo"]},
        {"ref": "P3", "capacity": 2, "place": "Kashgar", "ranking": ["bo", "cy", "amy", "dee"]},
    ],
    "singles": [{"ref": "amy", "ranking": ["P1", "P3"]}, {"ref": "dee", "ranking": ["P3"]}],
    "couples": [{"refs": ["bo", "cy"], "ranking": [["P1", "P2"], ["P3", "P3"]]}],
}


def run(tmp_path, data, *args):
    source, out = tmp_path / "input.json", tmp_path / "result.json"
    try:
        source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    except UnicodeEncodeError:  # a lone surrogate is written as JSON escapes it
        source.write_text(json.dumps(data), "utf-8")
    call_command("match-file", str(source), "--out", str(out), *args)
    return json.loads(out.read_text("utf-8"))


def test_a_file_is_matched_without_a_database(tmp_path):
    # No `db` fixture: any query would fail the test.
    result = run(tmp_path, SMALL)
    # Amy holds P1 (it ranks her first), so the couple cannot have P1+P2 and shares P3.
    assert result["matched"] == {"amy": "P1", "dee": None, "bo": "P3", "cy": "P3"}
    assert result["stable"] is True
    assert result["blocking_singles"] == result["blocking_couples"] == []
    assert result["seconds"] >= 0


def test_posts_may_propose_when_there_are_no_couples(tmp_path):
    data = {
        "posts": [
            {"ref": "A", "capacity": 1, "ranking": ["y", "x"]},
            {"ref": "B", "capacity": 1, "ranking": ["x", "y"]},
        ],
        "singles": [{"ref": "x", "ranking": ["A", "B"]}, {"ref": "y", "ranking": ["B", "A"]}],
    }
    assert run(tmp_path, data)["matched"] == {"x": "A", "y": "B"}
    assert run(tmp_path, data, "--optimal", "post")["matched"] == {"x": "B", "y": "A"}
    with pytest.raises(CommandError, match="--optimal post"):
        run(tmp_path, SMALL, "--optimal", "post")


def blocking_by_definition(data: dict, matched: dict) -> tuple[set, set]:
    """The README's definition, read straight: a single blocks with a post it ranks above its
    own that has a free place or ranks it above one of its people; a couple blocks with a pair
    it ranks above its own whose posts would each take its partner (a free place or someone
    ranked below; two places for one post named twice), neither partner's place counted."""
    posts = {p["ref"]: p for p in data["posts"]}
    holders = {ref: [a for a, p in matched.items() if p == ref] for ref in posts}

    def room(post: str, newcomers: list[str], leaving: set[str]) -> bool:
        ranking = posts[post]["ranking"]
        if any(n not in ranking for n in newcomers):
            return False
        others = [h for h in holders[post] if h not in leaving]
        worst = max(ranking.index(n) for n in newcomers)
        below = [h for h in others if ranking.index(h) > worst]
        return posts[post]["capacity"] - len(others) + len(below) >= len(newcomers)

    singles = set()
    for single in data["singles"]:
        me = single["ref"]
        for post in single["ranking"]:
            if post == matched[me]:
                break
            if room(post, [me], {me}):
                singles.add((me, post))
    couples = set()
    for couple in data.get("couples", []):
        a, b = couple["refs"]
        for first, second in couple["ranking"]:
            if (first, second) == (matched[a], matched[b]):
                break
            if first == second:
                fits = room(first, [a, b], {a, b})
            else:
                fits = room(first, [a], {a, b}) and room(second, [b], {a, b})
            if fits:
                couples.add(((a, b), (first, second)))
    return singles, couples


@st.composite
def files(draw):
    n_posts = draw(st.integers(1, 5))
    people = [f"人{k}" for k in range(draw(st.integers(0, 10)))]
    posts = [f"post {k}" for k in range(n_posts)]
    ordered = st.permutations
    n_couples = draw(st.integers(0, len(people) // 2))
    in_couples = people[: 2 * n_couples]
    every_pair = [[a, b] for a in posts for b in posts]
    data = {
        "posts": [
            {
                "ref": post,
                "capacity": draw(st.integers(0, 3)),
                "ranking": draw(ordered(people).map(lambda p: p[: draw(st.integers(0, len(p)))])),
            }
            for post in posts
        ],
        "singles": [
            {
                "ref": person,
                "ranking": draw(ordered(posts).map(lambda p: p[: draw(st.integers(0, len(p)))])),
            }
            for person in people[2 * n_couples :]
        ],
        "couples": [
            {
                "refs": in_couples[2 * c : 2 * c + 2],
                "ranking": draw(ordered(every_pair).map(lambda p: p[: draw(st.integers(0, 8))])),
            }
            for c in range(n_couples)
        ],
    }
    for couple in data["couples"]:  # one post named twice needs two places
        capacity = {p["ref"]: p["capacity"] for p in data["posts"]}
        couple["ranking"] = [p for p in couple["ranking"] if p[0] != p[1] or capacity[p[0]] >= 2]
    return data


@settings(max_examples=300, deadline=None)
@given(files())
def test_what_blocks_is_what_the_definition_says(data):
    result = match(match_file_from(data))
    matched = result["matched"]
    posts = {p["ref"]: p for p in data["posts"]}
    for person, post in matched.items():  # a matching: within places, mutual, couples together
        if post is not None:
            assert person in posts[post]["ranking"]
    for ref, post in posts.items():
        assert sum(1 for p in matched.values() if p == ref) <= post["capacity"]
    for single in data["singles"]:
        assert matched[single["ref"]] in [*single["ranking"], None]
    for couple in data["couples"]:
        pair = [matched[m] for m in couple["refs"]]
        assert pair == [None, None] or pair in couple["ranking"]
    singles, couples = blocking_by_definition(data, matched)
    assert {tuple(b) for b in result["blocking_singles"]} == singles
    assert {(tuple(c), tuple(p)) for c, p in result["blocking_couples"]} == couples
    assert result["stable"] == (not singles and not couples)


def changed(path: str, value) -> dict:
    data = json.loads(json.dumps(SMALL))
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("data", "where", "says"),
    [
        ([], "$", "JSON object"),
        (changed("posts", {"ref": "P1"}), "posts", "A list"),
        (changed("posts.0.capacity", -1), "posts[0].capacity", "whole number"),
        (changed("posts.0.capacity", True), "posts[0].capacity", "whole number"),
        (changed("posts.0.capacity", 2**63), "posts[0].capacity", "whole number"),
        (changed("posts.1.ref", "P1"), "posts[1].ref", "in posts[0] already"),
        (changed("posts.0.ref", "\ud800"), "posts[0].ref", "control characters"),
        (changed("posts.0.ranking.1", "nobody"), "posts[0].ranking[1]", "No applicant"),
        (changed("posts.0.ranking.1", "amy"), "posts[0].ranking[1]", "ranked twice"),
        (changed("singles.0.ranking.0", {"a": [1]}), "singles[0].ranking[0]", "No post"),
        (changed("singles.1.ref", "bo"), "couples[0].refs[0]", "in singles[1] already"),
        (changed("couples.0.refs", ["bo", "bo"]), "couples[0].refs[1]", "in couples[0]"),
        (changed("couples.0.refs", ["bo"]), "couples[0].refs", "two applicants"),
        (changed("couples.0.ranking.0", ["P1", "P1"]), "couples[0].ranking[0]", "1 place"),
        (changed("couples.0.ranking.0", ["P1", "P3"]), "couples[0].ranking[0]", "one place"),
        (changed("couples.0.ranking.1", ["P1", "P2"]), "couples[0].ranking[1]", "twice"),
        (changed("couples.0.ranking.1", "P3"), "couples[0].ranking[1]", "[post, post]"),
    ],
)
def test_bad_input_is_refused_naming_its_place(tmp_path, data, where, says):
    with pytest.raises(InputError) as refused:
        match(match_file_from(data))
    assert refused.value.where == where
    assert says in str(refused.value)
    with pytest.raises(CommandError, match="^" + re.escape(f"{where}: ")):
        run(tmp_path, data)


def test_a_person_in_two_couples_is_named(tmp_path):
    data = json.loads(json.dumps(SMALL))
    data["couples"].append({"refs": ["zed", "cy"], "ranking": []})
    with pytest.raises(CommandError, match=r"couples\[1\]\.refs\[1\]: cy is in couples\[0\]"):
        run(tmp_path, data)


def test_errors_are_in_the_persons_language(tmp_path):
    data = changed("posts.0.ranking.1", "nobody")
    source = tmp_path / "input.json"
    source.write_text(json.dumps(data), "utf-8")
    with pytest.raises(CommandError) as refused:
        call_command(
            "match-file", str(source), "--out", str(tmp_path / "r.json"), "--lang", "zh-hans"
        )
    assert str(refused.value).startswith("posts[0].ranking[1]: ")
    assert "nobody" in str(refused.value)
    assert "No applicant" not in str(refused.value)


def test_a_file_that_is_not_json_is_named(tmp_path):
    source = tmp_path / "input.json"
    source.write_bytes(b"\xff{")
    with pytest.raises(CommandError, match="is not JSON"):
        call_command("match-file", str(source), "--out", str(tmp_path / "r.json"))
