"""Checks a PDF that samverkan printed against the HTML it printed, as a
reader of the paper would: no page ends with a heading or a table caption
(what follows it is on the next page), no date and no "§ 1" is broken across
lines, no table caption repeats the heading above it.
    python3 print_check.py DOC.html DOC.pdf
Prints every problem; exits 1 on any."""
import html as htmllib
import re
import subprocess
import sys

page_html, pdf = sys.argv[1], sys.argv[2]
with open(page_html, encoding="utf-8") as f:
    source = f.read()
body = source[source.index("<main"):]


def text_of(fragment):
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(htmllib.unescape(fragment).split())


headings = [text_of(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", body, re.S)]
captions = [text_of(c) for c in re.findall(r"<caption>(.*?)</caption>", body, re.S)]
problems = []

# No caption that says again what the heading right above it says.
for m in re.finditer(r"<h([1-6])[^>]*>((?:(?!</?h[1-6]).)*)</h\1>\s*<table[^>]*>\s*<caption>(.*?)</caption>", body, re.S):
    if text_of(m.group(2)) == text_of(m.group(3)):
        problems.append(f'the caption "{text_of(m.group(3))}" repeats its heading')

layout = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
pages = layout.split("\f")
if pages and not pages[-1].strip():
    pages.pop()
page_number = re.compile(r"^\d+ ?/ ?\d+$")
for n, page in enumerate(pages, 1):
    lines = [" ".join(line.split()) for line in page.splitlines()]
    lines = [line for line in lines if line and not page_number.match(line)]
    if not lines or n == len(pages):
        continue
    last = lines[-1]
    for title in headings + captions:
        # a heading wrapped over lines ends the page with its last part
        if last == title or (len(last) > 3 and title.endswith(" " + last)) or (len(last) > 3 and title.startswith(last + " ")):
            problems.append(f'page {n} of {len(pages)} ends with the heading or caption "{title}"')
            break

# -raw: in reading order, and without joining a word hyphenated at a line end
raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout
for m in re.finditer(r"\d{4}-(?:\d{2}-?)?\n\s*\d|\b\d{1,3}\n\s*\d{1,3}-\d{2}|§\s*\n\s*\d", raw):
    problems.append("broken across lines: " + repr(raw[max(0, m.start() - 20):m.end() + 10]))

for p in problems:
    print(p)
print(f"print: {len(pages)} pages, {len(headings)} headings, {len(problems)} problems")
sys.exit(1 if problems else 0)
