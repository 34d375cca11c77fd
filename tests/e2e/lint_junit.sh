#!/usr/bin/env bash
# `lint --format junit` is XML that CI test reports read: it parses, has a
# testsuite per file and a testcase per finding, and fails exactly the
# findings at or above --fail-on.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$src/tests/lint/formats/repo
export NO_COLOR=1 SOURCE_DATE_EPOCH=1792022400
"$bin" -C "$repo" lint --format json >"$tmp/findings.json" || true
"$bin" -C "$repo" lint --format junit >"$tmp/error.xml" || true
"$bin" -C "$repo" lint --format junit --fail-on info >"$tmp/info.xml" || true
python3 - "$tmp" <<'PY'
import json, sys, xml.etree.ElementTree as ET
tmp = sys.argv[1]
findings = json.load(open(f"{tmp}/findings.json"))["findings"]
rank = {"info": 0, "warning": 1, "error": 2}
for name, fail_on in (("error", "error"), ("info", "info")):
    root = ET.parse(f"{tmp}/{name}.xml").getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["samverkan.yaml", "collaborations/samverkan-orter.yaml",
        "organisations/orter.yaml", "plans/many.yaml", "plans/plan, övrigt.yaml"], [s.get("name") for s in suites]
    cases = [c for s in suites for c in s.findall("testcase")]
    failures = [c.find("failure") for c in cases if c.find("failure") is not None]
    expected = [f for f in findings if rank[f["severity"]] >= rank[fail_on]]
    assert len(failures) == len(expected), (name, len(failures), len(expected))
    assert int(root.get("failures")) == len(expected) and int(root.get("tests")) == len(cases)
    for s in suites:
        assert int(s.get("tests")) == len(s.findall("testcase"))
        assert int(s.get("failures")) == len(s.findall("testcase/failure"))
    for fail, f in zip(failures, expected):
        assert fail.get("message") == f["message"] and fail.get("type") == f["severity"]
        assert f"{f['file']}:{f['line']}:{f['column']}" in fail.text
    # Quotes, < and & in the source line survive the round trip.
    assert any('titel: "<x & y>"' in (c.find("failure").text or "") for c in cases if c.find("failure") is not None)
print("JUnit ok")
PY
