"""OpenAPI links between the API's operations, by the API's own convention: what a POST to
`/things` creates (its answer's `id`), or the first row a GET of `/things` lists, is what the
`/things/{thing_id}…` operations take. Clients and the stateful tests follow them from one call
to the next."""

import re

PATH_PARAMETER = re.compile(r"{(\w+)}")


def add_links(schema: dict) -> dict:
    paths = schema.get("paths", {})
    for path, operations in paths.items():
        if "post" in operations and (answer := created_answer(schema, operations["post"])):
            link(paths, path, answer, "$response.body#/id")
        if "get" in operations:
            answer, pointer = listed_answer(schema, operations["get"])
            if answer is not None:
                link(paths, path, answer, pointer)
    return schema


def link(paths: dict, path: str, answer: dict, pointer: str) -> None:
    for target_path, targets in paths.items():
        if not target_path.startswith(path + "/{"):
            continue
        new_id = target_path[len(path) + 2 :].split("}", 1)[0]
        parameters = {name: f"$request.path.{name}" for name in PATH_PARAMETER.findall(path)}
        parameters[new_id] = pointer
        for target in targets.values():
            answer.setdefault("links", {})[target["operationId"]] = {
                "operationId": target["operationId"],
                "parameters": parameters,
            }


def listed_answer(schema: dict, operation: dict) -> tuple[dict | None, str]:
    """The operation's answer when it lists objects with an `id` (paged or not), and where the
    first one's id is."""
    answers = operation.get("responses", {})
    answer = answers.get(200) or answers.get("200")
    if answer is None:
        return None, ""
    body = resolved(schema, answer.get("content", {}).get("application/json", {}).get("schema", {}))
    for rows, pointer in (
        (body, "$response.body#/0/id"),
        (
            resolved(schema, body.get("properties", {}).get("items", {})),
            "$response.body#/items/0/id",
        ),
    ):
        if rows.get("type") == "array":
            row = resolved(schema, rows.get("items", {}))
            if "id" in row.get("properties", {}):
                return answer, pointer
    return None, ""


def created_answer(schema: dict, operation: dict) -> dict | None:
    """The operation's success answer when its body is an object with an `id`."""
    answers = operation.get("responses", {})
    for status in (201, 200):  # numbers before the document is written as JSON, text after
        answer = answers.get(status) or answers.get(str(status))
        if answer is None:
            continue
        body = answer.get("content", {}).get("application/json", {}).get("schema", {})
        if "id" in resolved(schema, body).get("properties", {}):
            return answer
    return None


def resolved(schema: dict, node: dict) -> dict:
    reference = node.get("$ref", "")
    if not reference.startswith("#/"):
        return node
    for part in reference[2:].split("/"):
        schema = schema.get(part, {})
    return schema
