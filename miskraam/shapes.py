"""The shape of a data file, checked with jsonschema; its first error said in Dutch.

Each loader declares its file's shape as a JSON Schema, a Python dict beside the loader: which
fields a record has, which are required, their types and allowed values. jsonschema checks it;
this module turns the first error into the course's message, naming the record and the field
("feit 'x', veld 'unit': onbekende eenheid 'liter'"). What a schema cannot say (a number
against its wording, a source that must be a bibliography key, a regular expression that must
compile, an id used twice) stays in the loader.

The Dutch lives in the schema, under the keyword ``fout`` (jsonschema ignores keywords it does
not know): on a field, the message for any error of that field, or a mapping from the failing
jsonschema keyword to its message; on a record, the messages for a missing field (``required``,
``dependentRequired``) and an unknown one (``additionalProperties``). The deepest ``fout`` on
the way to the failing keyword speaks. A message may be a pair ``(field, message)`` when the
error belongs to a field the schema path does not show (one of ``value`` or ``low``/``high``;
``None``: the record itself). In a message, ``{waarde}`` is the value found, ``{soort}`` its
Python type and ``{velden}`` the fields a record may have. An unknown field close to a known
one gets "bedoel je …?".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from jsonschema import Draft202012Validator

#: (document, an error's path) -> (where, rest): the record the path points into, named as a
#: message names it ("feit 'x'", or "" for the file as a whole), and the path within it
Place = Callable[[object, list], tuple[str, list]]

#: a schema dict for a non-empty text: a string with something other than spaces
TEXT = {"type": "string", "pattern": r"\S"}


def text(message: str) -> dict:
    """A text field: a string that is not blank; `message` for any error."""
    return {**TEXT, "fout": message}


def text_list(message: str | dict, **extra) -> dict:
    """A list of non-empty texts; `message` for any error (or per failing keyword)."""
    return {"type": "array", "items": {"type": "string", "minLength": 1}, **extra,
            "fout": message}


def in_list(file: str, name: Callable[[object, int], str]) -> Place:
    """The place of an error in a file that is a list of records: the file itself ("" when
    its messages do not name it), or the record `name(record, position)` names, counted
    from 1."""
    def place(document, path: list) -> tuple[str, list]:
        if not path:
            return file, []
        return name(document[path[0]], path[0] + 1), path[1:]
    return place


def check(document, schema: dict, place: Place, error_type: type[Exception]) -> None:
    """Raise `error_type` with the Dutch message of the first way `document` breaks `schema`
    (in the order the schema lists its keywords), if any."""
    error = next(iter(_validator(schema).iter_errors(document)), None)
    if error is not None:
        raise error_type(message(error, schema, document, place))


_validators: dict[int, tuple[dict, Draft202012Validator]] = {}


def _validator(schema: dict) -> Draft202012Validator:
    """One validator per schema (a module's constant), made the first time it is used."""
    known = _validators.get(id(schema))
    if known is None or known[0] is not schema:
        Draft202012Validator.check_schema(schema)
        known = _validators[id(schema)] = (schema, Draft202012Validator(schema))
    return known[1]


def message(error, schema: dict, document, place: Place) -> str:
    """The Dutch message of one jsonschema error: "<where>, veld '<field>': <what>"."""
    path = list(error.absolute_path)
    where, rest = place(document, path)
    said = _fout(schema, list(error.absolute_schema_path))
    if isinstance(said, tuple):
        field, said = said
    elif error.validator in ("required", "dependentRequired"):
        field = _missing(error)
    elif error.validator == "additionalProperties":
        field = sorted(set(error.instance) - set(error.schema.get("properties", {})))[0]
    else:
        field = rest[0] if rest else None
    fields = list(error.schema.get("properties", {}))
    said = (said or "heeft niet de goede vorm").replace("{waarde}", str(error.instance))
    said = said.replace("{velden}", ", ".join(fields))
    said = said.replace("{soort}", type(error.instance).__name__)
    if error.validator == "additionalProperties":
        close = difflib.get_close_matches(str(field), fields, n=1, cutoff=0.75)
        if close:
            said += f"; bedoel je '{close[0]}'?"
    where = f"{where}, veld '{field}'" if field is not None and where else (
        f"veld '{field}'" if field is not None else where)
    return f"{where}: {said}" if where else said


def _missing(error) -> str:
    if error.validator == "required":
        return next(name for name in error.validator_value if name not in error.instance)
    return next(name for present, needed in error.validator_value.items()
                if present in error.instance for name in needed if name not in error.instance)


def _fout(schema: dict, schema_path: list):
    """The deepest `fout` on the way to the failing keyword (the last part of the path)."""
    keyword = schema_path[-1]
    node, found = schema, None
    for step in [None, *schema_path[:-1]]:
        if step is not None:
            node = node[step]
        said = node.get("fout") if isinstance(node, dict) else None
        if isinstance(said, dict):
            said = said.get(keyword, said.get("*"))
        if said is not None:
            found = said
    return found
