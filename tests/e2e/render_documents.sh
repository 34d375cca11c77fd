#!/usr/bin/env bash
# render --format docx|pdf: a real Word document (pandoc) and a PDF printed
# by headless Chromium with page numbers, read back as a reader would
# (python3-docx; pdftotext), the same bytes for the same input, and a clear
# error naming the Debian package when an engine is missing.
bin=$1
src=$2
. "$src/tests/e2e/common.bash"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for tool in pandoc chromium pdftotext; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (.ci/install-deps installs it)"; exit 1; }
done
"$py" -c 'import docx' 2>/dev/null || { echo "FAIL: python3-docx is missing (.ci/install-deps installs it)"; exit 1; }

repo=$work/hoglandet
cp -r "$src/examples/hoglandet" "$repo"
# A personnummer in the report's summary: masked before any engine sees it.
sed -i 's/^summary: >$/summary: >\n  Kontakt 640823-3234./' "$repo/reports/halvarsrapport-nassjo-2026h1.yaml"
cd "$repo" || exit 1
report=(render report uppdrag-samverkan-nassjo --period 2026H1 --today 2026-10-15)

run "${report[@]}" --format docx --out "$work/r.docx"
check "docx: exit 0" code_is 0
"$bin" "${report[@]}" --format docx --out "$work/r2.docx" >/dev/null 2>&1
check "docx: the same input gives the same bytes" cmp -s "$work/r.docx" "$work/r2.docx"
"$py" - "$work/r.docx" <<'PY' && echo "ok: docx: headings as heading styles, tables as tables, nothing unmasked" || { echo "FAIL: docx"; failures=$((failures + 1)); }
import sys, zipfile
import docx
d = docx.Document(sys.argv[1])
heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
assert ("Heading 1", "Halvårsrapport januari–juni 2026") in heads, heads
assert ("Heading 2", "Sammanfattning") in heads, heads
assert any(s == "Heading 3" and t == "Aktiviteter" for s, t in heads), heads
assert len(d.tables) >= 4, len(d.tables)
first = [c.text for c in d.tables[0].rows[0].cells]
assert first[0] == "Mål" and "Målvärde" in first, first
acts = [t for t in d.tables if t.rows[0].cells[0].text == "Aktivitet"]
assert acts and len(acts[0].rows) > 1
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert "640823-3234" not in body and "640823-****" in body
assert "collaboration-" not in body, "no links to site pages that are not there"
assert "Hoppa till innehållet" not in body, "no skip link in a document"
PY
# LibreOffice opens it: a headless conversion to PDF holds the report's text.
if command -v soffice >/dev/null; then
  mkdir -p "$work/lo"
  HOME=$work/lo timeout 120 soffice --headless --norestore "-env:UserInstallation=file://$work/lo/profile" \
    --convert-to pdf --outdir "$work/lo" "$work/r.docx" >"$work/lo/log" 2>&1
  check "docx: LibreOffice converts it" test -s "$work/lo/r.pdf"
  check "docx: LibreOffice reads the report's text" bash -c "pdftotext '$work/lo/r.pdf' - | grep -q 'Vad data visar för perioden'"
else
  echo "FAIL: soffice is missing (.ci/install-deps installs libreoffice-writer-nogui)"
  failures=$((failures + 1))
fi

run "${report[@]}" --format pdf --out "$work/r.pdf"
check "pdf: exit 0" code_is 0
"$bin" "${report[@]}" --format pdf --out "$work/r2.pdf" >/dev/null 2>&1
check "pdf: the same input gives the same bytes" cmp -s "$work/r.pdf" "$work/r2.pdf"
pdftotext -layout "$work/r.pdf" "$work/r.txt"
out=$(cat "$work/r.txt")
pages=$(grep -c $'\f' "$work/r.txt")
check "pdf: the report's title and text" has "Halvårsrapport januari–juni 2026"
check "pdf: the report's sections" has "Vad data visar för perioden"
check "pdf: more than one page" test "$pages" -gt 1
check "pdf: page numbers 1 / N on the first page and N / N on the last" \
  bash -c "grep -Eq '(^|\s)1 ?/ ?$pages\s*\$' '$work/r.txt' && grep -Eq '(^|\s)$pages ?/ ?$pages\s*\$' '$work/r.txt'"
check "pdf: the personnummer masked" bash -c "! grep -q '640823-3234' '$work/r.txt'"
check "pdf: no link names the directory it was printed in" bash -c "! grep -aq 'file://' '$work/r.pdf'"

for doc in "render plan handlingsplan-nassjo-2026" "render meeting styrgrupp-nassjo-2026-06-11"; do
  # shellcheck disable=SC2086
  run $doc --today 2026-10-15 --format pdf --out "$work/d.pdf"
  check "$doc --format pdf: exit 0" code_is 0
  # shellcheck disable=SC2086
  run $doc --today 2026-10-15 --format docx --out "$work/d.docx"
  check "$doc --format docx: exit 0" code_is 0
done

# The repository's own look: templates/reference.docx.
mkdir -p templates
pandoc -o templates/reference.docx --print-default-data-file reference.docx
"$py" - templates/reference.docx <<'PY'
import re, sys, zipfile
path = sys.argv[1]
parts = {i: zipfile.ZipFile(path).read(i.filename) for i in zipfile.ZipFile(path).infolist()}
for info in list(parts):
    if info.filename == "word/styles.xml":
        xml = parts[info].decode()
        xml, n = re.subn(r'(w:styleId="Heading1">.*?<w:rPr>)', r'\1<w:rFonts w:ascii="Samverkan Serif" w:hAnsi="Samverkan Serif" />', xml, count=1, flags=re.S)
        assert n == 1
        parts[info] = xml.encode()
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for info, data in parts.items():
        z.writestr(info, data)
PY
run "${report[@]}" --format docx --out "$work/own.docx"
check "docx with templates/reference.docx: exit 0" code_is 0
check "docx: its styles come from templates/reference.docx" \
  "$py" -c 'import sys, zipfile; sys.exit(b"Samverkan Serif" not in zipfile.ZipFile(sys.argv[1]).read("word/styles.xml"))' "$work/own.docx"
rm -r templates

# Without an engine: exit 2, naming the Debian package.
mkdir -p "$work/nobin"
out=$(PATH=$work/nobin "$bin" "${report[@]}" --format pdf --out "$work/x.pdf" 2>&1)
code=$?
check "no chromium: exit 2" code_is 2
check "no chromium: names the package" has "apt-get install chromium"
out=$(PATH=$work/nobin "$bin" --lang en "${report[@]}" --format docx --out "$work/x.docx" 2>&1)
code=$?
check "no pandoc: exit 2" code_is 2
check "no pandoc: names the package" has "install the Debian package \`pandoc\`"
check "no pandoc: nothing written" test ! -e "$work/x.docx"
run "${report[@]}" --format pdf
check "pdf to stdout: exit 2" code_is 2

# The whole site in one PDF: every page in the site's order, numbered.
run render site --format pdf --today 2026-10-15 --out "$work/site.pdf"
check "site pdf: exit 0" code_is 0
run render site --today 2026-10-15 --out "$work/site"
pages=$(ls "$work/site"/*.html | wc -l)
pdftotext "$work/site.pdf" "$work/site.txt"
total=$(pdfinfo "$work/site.pdf" | awk '/^Pages:/ {print $2}')
check "site pdf: at least one printed page per site page ($pages pages, $total printed)" test "$total" -ge "$pages"
check "site pdf: numbered 1 / $total … $total / $total" grep -qx "$total / $total" "$work/site.txt"
check "site pdf: the first page is numbered" grep -qx "1 / $total" "$work/site.txt"
check "site pdf: the plan is in it" grep -q "Handlingsplan 2026 – Uppdrag Samverkan Nässjö" "$work/site.txt"
check "site pdf: the report is in it" grep -q "Halvårsrapport januari–juni 2026" "$work/site.txt"
check "site pdf: the protokoll are in it" grep -q "Protokoll" "$work/site.txt"
first_plan=$(grep -n "Handlingsplan 2026 – Uppdrag Samverkan Nässjö" "$work/site.txt" | head -1 | cut -d: -f1)
last_org=$(grep -n "Nässjö kommun" "$work/site.txt" | tail -1 | cut -d: -f1)
check "site pdf: in the site's order (plans before the organisations' pages)" test "$first_plan" -lt "$last_org"
check "site pdf: no personnummer unmasked" bash -c '! grep -q "640823-3234" "$1"' _ "$work/site.txt"

finish
