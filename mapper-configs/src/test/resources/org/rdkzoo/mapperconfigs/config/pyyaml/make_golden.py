#!/usr/bin/env python3
"""Writes golden.json: how PyYAML (the parser hb_mapper uses) reads each *.yaml here.

Made with PyYAML 6.0.3 on Python 3.11 (`python3 make_golden.py` in this folder); MapperConfigPyYamlTest
compares rdkzoo's reader with it. Values are tagged with their Python type; mapping keys are str(key),
as rdkzoo keeps them; floats as repr(); dates only by type.
"""
import datetime
import glob
import json
import yaml


def tag(v):
    if v is None:
        return {"t": "null"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": repr(v)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, (datetime.date, datetime.datetime)):
        return {"t": "date"}
    if isinstance(v, list):
        return {"t": "list", "v": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "map", "v": [[str(k), tag(x)] for k, x in v.items()]}
    raise TypeError(type(v))


golden = {}
for name in sorted(glob.glob("*.yaml")):
    with open(name, encoding="utf-8") as f:
        golden[name] = tag(yaml.safe_load(f))
with open("golden.json", "w", encoding="utf-8") as f:
    json.dump({"pyyaml": yaml.__version__, "documents": golden}, f, indent=1, sort_keys=True)
    f.write("\n")
