#!/usr/bin/env bash
# samverkan export: flat tables as CSV (RFC 4180), JSON and XLSX, read back
# as Excel and Power BI would (python3's csv and json, openpyxl for XLSX).
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
# Debian's python3, where python3-openpyxl is installed (not a python3 of one's own on PATH).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c 'import openpyxl' 2>/dev/null || { echo "FAIL: python3-openpyxl is missing (.ci/install-deps installs it)"; exit 1; }

repo=$work/hoglandet
cp -r "$src/examples/hoglandet" "$repo"
# A title that is a formula, and a personnummer in a measurement's note.
"$py" - "$repo/plans/uppdrag-samverkan-nassjo/2026.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("title: Arbetsträning med hälsostöd för kvinnor", 'title: "=HYPERLINK(\\"http://x.invalid\\",\\"klicka, här\\")"', 1)
s = s.replace("note: Arbetsträningen med hälsostöd bidrar.", "note: Uppgift från 640823-3234.", 1)
open(p, "w", encoding="utf-8").write(s)
PY
cd "$repo" || exit 1
T=--today=2026-10-15

run export activities $T
check "csv: exit 0" code_is 0
check "csv: a header of Swedish labels" has "Samverkan,Plan,Period,Aktivitet,Titel,Ägare,Ansvarig,Mål,Start,Klart senast,Klar,Status,Läge,Budget (kr),Utfall (kr)"
check "csv: the formula is neutralised and quoted (it holds a comma)" has "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klicka, här\"\")\""
check "csv: a budget is a plain number" has ",180000,"
"$bin" export activities $T --out "$work/a.csv" >/dev/null 2>&1
"$py" - "$work/a.csv" <<'PY' && echo "ok: csv: CRLF line ends, RFC 4180 fields read back by python's csv" || { echo "FAIL: csv read back"; exit 1; }
import csv, sys
raw = open(sys.argv[1], "rb").read()
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(rows), "every record ends in CRLF"
head, body = rows[0], rows[1:]
assert len(set(map(len, rows))) == 1, "every row has the header's columns"
a2 = [r for r in body if r[1] == "handlingsplan-nassjo-2026" and r[3] == "a2"][0]
assert a2[4] == "'=HYPERLINK(\"http://x.invalid\",\"klicka, här\")", a2[4]
assert a2[8] == "2026-03-01" and a2[13] == "180000", a2
assert all(not c or c[0] not in "=+-@\t\r" for r in rows for c in r if not c.lstrip("-").replace(".", "").isdigit())
PY

run export activities $T --delimiter ';' --bom
check "csv ;: exit 0" code_is 0
"$bin" export measurements $T --delimiter ';' --bom --out "$work/m.csv" 2>"$work/m.err"
check "csv ;: starts with a BOM" bash -c "head -c3 '$work/m.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "csv ;: ; between fields" grep -q '^uppdrag-samverkan-nassjo;handlingsplan-nassjo-2026;m1;' "$work/m.csv"
check "csv: the personnummer is masked" grep -q '640823-\*\*\*\*' "$work/m.csv"
check "csv: never unmasked" bash -c "! grep -q '640823-3234' '$work/m.csv'"
check "csv: the masking is said on stderr" grep -q 'personnummer' "$work/m.err"

"$bin" export goals $T --format json --out "$work/g.json" >/dev/null 2>&1
"$bin" export all $T --format json --out "$work/all.json" >/dev/null 2>&1
"$py" - "$work/g.json" "$work/all.json" <<'PY' && echo "ok: json: typed values, one array or an object of arrays" || { echo "FAIL: json"; exit 1; }
import json, sys
goals = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(goals, list) and goals
m1 = [g for g in goals if g["plan"] == "handlingsplan-nassjo-2026" and g["goal"] == "m1"][0]
assert m1["baseline"] == 22 and m1["target"] == 35 and m1["baseline_date"] == "2025-12-31", m1
assert m1["latest"] == 29 and m1["latest_date"] == "2026-08-31", m1
assert isinstance(m1["progress_percent"], int), m1
every = json.load(open(sys.argv[2], encoding="utf-8"))
assert list(every) == ["goals", "activities", "actions", "meetings", "measurements"], list(every)
assert every["goals"] == goals
assert all(isinstance(m["date"], str) and len(m["date"]) == 10 for m in every["meetings"])
assert any("640823-****" in (m["note"] or "") for m in every["measurements"])
assert "640823-3234" not in open(sys.argv[2], encoding="utf-8").read()
PY

run export all $T --format xlsx --out "$work/all.xlsx"
check "xlsx: exit 0" code_is 0
"$bin" export all $T --format xlsx --out "$work/again.xlsx" >/dev/null 2>&1
check "xlsx: the same input gives the same bytes" cmp -s "$work/all.xlsx" "$work/again.xlsx"
"$py" - "$work/all.xlsx" <<'PY' && echo "ok: xlsx: a sheet per table, typed cells, header, autofilter, frozen header" || { echo "FAIL: xlsx"; exit 1; }
import datetime, sys, zipfile
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Mål", "Aktiviteter", "Åtgärder", "Möten", "Mätningar"], wb.sheetnames
for ws in wb.worksheets:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}", (ws.title, ws.auto_filter.ref)
    assert all(c.font.b for c in ws[1]), ws.title
    assert ws.max_row > 1, ws.title
act = wb["Aktiviteter"]
head = [c.value for c in act[1]]
assert head[:5] == ["Samverkan", "Plan", "Period", "Aktivitet", "Titel"], head
col = {h: i for i, h in enumerate(head)}
rows = [[c for c in r] for r in act.iter_rows(min_row=2)]
a2 = [r for r in rows if r[col["Plan"]].value == "handlingsplan-nassjo-2026" and r[col["Aktivitet"]].value == "a2"][0]
start = a2[col["Start"]]
assert isinstance(start.value, datetime.datetime) and start.value.date() == datetime.date(2026, 3, 1), start.value
assert start.is_date and start.number_format == "yyyy-mm-dd"
budget = a2[col["Budget (kr)"]]
assert budget.data_type == "n" and budget.value == 180000, budget.value
title = a2[col["Titel"]]
assert title.data_type == "s" and title.value.startswith("'="), title.value  # text, neutralised
goals = wb["Mål"]
gh = {c.value: i for i, c in enumerate(goals[1])}
m1 = [r for r in goals.iter_rows(min_row=2) if r[gh["Plan"]].value == "handlingsplan-nassjo-2026" and r[gh["Mål"]].value == "m1"][0]
assert m1[gh["Nuläge"]].value == 22 and m1[gh["Målvärde"]].data_type == "n"
assert isinstance(m1[gh["Utveckling (%)"]].value, int)
assert all(c.data_type != "f" for ws in wb.worksheets for r in ws.iter_rows() for c in r), "no formulas"
with zipfile.ZipFile(sys.argv[1]) as z:
    strings = z.read("xl/sharedStrings.xml").decode()
    assert "640823-****" in strings and "640823-3234" not in strings
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-10-15T00:00:00Z" in z.read("docProps/core.xml").decode()
PY

# Filters.
run export meetings $T --collaboration uppdrag-samverkan-nassjo --period 2026H1 --format json
check "filter: exit 0" code_is 0
"$py" -c '
import json, sys
rows = json.loads(sys.stdin.read())
assert rows and all(r["collaboration"] == "uppdrag-samverkan-nassjo" for r in rows), rows
assert all("2026-01-01" <= r["date"] <= "2026-06-30" for r in rows)
' <<<"$out" && echo "ok: filter: one collaboration's meetings in the period" || { echo "FAIL: filter"; failures=$((failures + 1)); }

# Usage errors: exit 2, saying why.
run export all $T
check "all as csv: exit 2" code_is 2
check "all as csv: says why" has "en csv-fil rymmer en tabell"
run export goals $T --format xlsx
check "xlsx to stdout: exit 2" code_is 2
run export goals $T --collaboration uppdrag-samverkan-nasjo
check "unknown collaboration: exit 2 with a suggestion" bash -c "[ $code = 2 ] && grep -q 'uppdrag-samverkan-nassjo' <<<\"\$0\"" "$out"
run export goals $T --delimiter '|'
check "bad delimiter: exit 2" code_is 2
run export goals $T --period 2026H3
check "bad period: exit 2" code_is 2
run export tables $T
check "unknown table: exit 2" code_is 2
run --lang en export goals $T --out "$work/ro/x/../../../../../../proc/nope/x.csv"
check "unwritable --out: exit 2" code_is 2

finish
