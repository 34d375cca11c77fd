#!/usr/bin/env python3
"""Finds English words in Swedish output.

english_words.py WORDLIST [FILE...]   prints each line of the files (standard
input when none) holding a word of WORDLIST outside the exempt spans, as
"FILE:LINE: word: the line"; exits 1 when there is one.
english_words.py --catalogue WORDLIST DEF...   the same over the Swedish text of
every MSG(...) / KIND(...) entry of the .def files (placeholders {0} as they are).

WORDLIST's header (tests/data/english_words.txt) says what is matched and what
is exempt; the exemptions are EXEMPT below, in the order they are applied.
"""
import re
import sys

COMMANDS = r"(validate|lint|rules|schema|diff|log|render|site|plan|meeting|report|collaboration|directory|calendar)"
EXEMPT = [
    re.compile(r"samverkan(?: " + COMMANDS + r")+\b"),  # a command line: the commands' names
    re.compile(r"^  " + COMMANDS + r"(?= {2}|$)"),      # a command in the help's list
    re.compile(r"^\s*\d+ \|.*"),                     # a line of the source file, quoted
    re.compile(r"^\s+(- )?(\{|[a-z_][a-z_.]*:(\s|$)).*$"),  # a line of a YAML example, indented
    re.compile(r"^::[a-z]+ [^:]*::"),                # GitHub workflow command syntax
    re.compile(r"`[^`\n]*`"),                       # code, ids, YAML as written
    re.compile(r"\[[a-z0-9-]+\]"),                  # severity[code]
    re.compile(r"title=[a-z0-9-]+"),                # GitHub annotation title (the code)
    re.compile(r"https?://\S+"),                    # URLs
    re.compile(r"\S*/\S*"),                         # paths
    re.compile(r"\S+\.(yaml|yml|md|html|ics)\b"),   # file names
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*"),     # option names
    re.compile(r"\{[^}\s]*\}"),                     # choice lists, placeholders
]
TOKEN = re.compile(r"[\w-]+")


def load_words(path):
    exact, folded = set(), set()
    for line in open(path, encoding="utf-8"):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        (folded if word == word.lower() else exact).add(word)
    return exact, folded


def english_in(line, exact, folded):
    for pattern in EXEMPT:
        line = pattern.sub(" ", line)
    return [t for t in TOKEN.findall(line) if t in exact or t.lower() in folded]


def catalogue_lines(paths):
    """(where, Swedish text) of every entry: MSG(name, "sv", "en"), KIND(name, T, list, "sv", "en")."""
    string = r'"((?:[^"\\]|\\.)*)"'
    entry = re.compile(r"^(MSG)\((\w+),\s*" + string + r",\s*" + string + r"\)\s*$|"
                       r"^(KIND)\((\w+),\s*\w+,\s*\w+,\s*" + string + r",\s*" + string + r"\)\s*$")
    for path in paths:
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            if not re.match(r"^(MSG|KIND)\(", line):
                continue
            m = entry.match(line)
            if not m:  # an entry this parser cannot read must not pass unchecked
                yield f"{path}:{number}", None
                continue
            name, sv = (m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(7))
            yield f"{path}:{number} {name}", sv.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def main(argv):
    found = 0
    if argv[1] == "--catalogue":
        exact, folded = load_words(argv[2])
        entries = 0
        for where, text in catalogue_lines(argv[3:]):
            entries += 1
            if text is None:
                print(f"{where}: cannot read this entry")
                found += 1
                continue
            for line in text.split("\n"):
                if words := english_in(line, exact, folded):
                    print(f"{where}: {', '.join(words)}: {line}")
                    found += 1
        print(f"{entries} catalogue entries checked", file=sys.stderr)
    else:
        exact, folded = load_words(argv[1])
        for path in argv[2:] or ["-"]:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
            for number, line in enumerate(stream, 1):
                if words := english_in(line.rstrip("\n"), exact, folded):
                    print(f"{path}:{number}: {', '.join(words)}: {line.rstrip()}")
                    found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
