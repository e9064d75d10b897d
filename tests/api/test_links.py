"""The OpenAPI document links each created or listed record to the operations that take its id,
so that a client (or the stateful fuzzing) can go from one call to the next."""


def test_a_creation_and_a_list_link_to_the_operations_on_their_record(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    created = paths["/api/pairings"]["post"]["responses"]["201"]["links"]
    target = paths["/api/pairings/{pairing_id}"]["get"]["operationId"]
    assert created[target]["parameters"] == {"pairing_id": "$response.body#/id"}
    listed = paths["/api/projects"]["get"]["responses"]["200"]["links"]
    nested = paths["/api/projects/{project_id}/milestones"]["post"]["operationId"]
    assert listed[nested]["parameters"] == {"project_id": "$response.body#/items/0/id"}


def test_a_nested_creation_passes_on_its_parents_id(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    results = paths["/api/projects/{project_id}/results"]["post"]["responses"]["201"]["links"]
    (parameters,) = [link["parameters"] for link in results.values()]
    assert parameters == {
        "project_id": "$request.path.project_id",
        "result_id": "$response.body#/id",
    }


def test_no_two_schemas_share_a_name():
    """The document keeps one schema per name: two Python classes of one name would document
    one operation with the other's body."""
    from ninja import Schema

    from counterpart.api import api

    api.get_openapi_schema()
    names = [
        cls.__name__
        for cls in all_subclasses(Schema)
        if cls.__module__.startswith("counterpart.") and "api" in cls.__module__
    ]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def all_subclasses(cls):
    for child in cls.__subclasses__():
        yield child
        yield from all_subclasses(child)
