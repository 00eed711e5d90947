"""Validates YAML files against the manifest JSON Schema; prints one JSON result per file.

Usage: python3 validate_schema.py SCHEMA FILE...
PyYAML reads YAML 1.1 (`on`/`yes` are booleans, `12:30` is a number); this loader resolves scalars the YAML 1.2
way, as roster and yaml-language-server do.
"""
import json
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
           "tag:yaml.org,2002:timestamp"}
Loader.yaml_implicit_resolvers = {
    key: [resolver for resolver in resolvers if resolver[0] not in DROPPED]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    results = []
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.load(handle, Loader=Loader)
        except Exception as error:  # a YAML error makes the file invalid, with the reason
            results.append({"file": path, "valid": False, "errors": ["yaml: %s" % error]})
            continue
        errors = sorted(
            "/".join(str(part) for part in error.absolute_path) + ": " + error.message
            for error in validator.iter_errors({} if data is None else data))
        results.append({"file": path, "valid": not errors, "errors": errors})
    print(json.dumps(results))


main()
