#!/usr/bin/env python3
"""Checks Package.swift's target dependencies against the module rules of DESIGN §2.

Each library target may depend only on the targets listed for it. The rules that matter most: the planner is
pure (model only), providers never see the planner, applier or renderers, emulators never see provider code, and
only the CLI parses arguments.
"""
import json
import subprocess
import sys

ALLOWED = {
    "CLibYAML": set(),
    "RosterYAML": {"CLibYAML"},
    "RosterModel": set(),
    "RosterManifest": {"RosterModel", "RosterYAML"},
    "RosterPlanner": {"RosterModel", "HeapModule"},
    "RosterProviders": {"RosterModel", "HTTPTypes", "Logging", "XMLCoder"},
    "RosterHTTPClient": {"RosterProviders", "HTTPTypes", "AsyncHTTPClient", "NIOCore", "NIOHTTP1"},
    "RosterApply": {"RosterModel", "RosterProviders"},
    "RosterRender": {"RosterModel"},
    "RosterEmulators": {"HTTPTypes"},
    "RosterEmulatorServer": {"RosterEmulators", "HTTPTypes", "Hummingbird"},
}
# The executables: the CLI and the benchmark tool. No library target parses arguments.
ARGUMENT_PARSER_USERS = {"roster", "roster-bench"}

package = json.loads(subprocess.check_output(["swift", "package", "dump-package"], text=True))
problems = []
for target in package["targets"]:
    name = target["name"]
    deps = set()
    for dep in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dep:
                deps.add(dep[kind][0])
    if "ArgumentParser" in deps and name not in ARGUMENT_PARSER_USERS:
        problems.append(f"{name} imports ArgumentParser; only the executables parse arguments")
    if name in ALLOWED:
        extra = deps - ALLOWED[name]
        if extra:
            problems.append(f"{name} depends on {sorted(extra)}; allowed: {sorted(ALLOWED[name])}")
for problem in problems:
    print("module rule broken:", problem)
sys.exit(1 if problems else 0)
