#!/usr/bin/env python3
"""Hostile repositories: input shaped to make one algorithm do quadratic (or
worse) work, at a size chosen by a factor.

    bench/hostile.py CASE SCALE DIR

CASE is one of:
  suggest  1 000×SCALE organisations and a meeting with 4 000×SCALE attendees
           naming unknown organisations, each one typo away from a real one
           (did-you-mean against every id for every unknown reference);
  nested   a plan with 1 000×SCALE goals and 4 000×SCALE activity links to
           unknown goals (did-you-mean against every nested id);
  chain    4 000×SCALE organisations in one parent chain, the last a unit
           pointing back at the first (the cycle check walked the chain from
           every member);
  units    a chain of 1 000×SCALE units under one party, three meetings with
           1 000×SCALE attendees each and a plan with 1 000×SCALE activities
           owned near its bottom (lint walked the chain per attendee/owner);
  line     one line with 20 000×SCALE unknown references (every finding's
           column and excerpt re-scanned the 229 KB line);
  glob     `exclude` with 6×SCALE `**` against a path 25 folders deep.

Used by tests/e2e/hostile_algorithms.sh (at a size that took minutes before
it was bounded) and bench/hostile.sh (the timings in docs/hardening.md).
"""
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def org(i):
    return f"org-{i:06d}-kommun"


def base(root):
    write(f"{root}/samverkan.yaml", "name: Hostile\nlanguage: en\n")


def collaboration(root, parties):
    write(f"{root}/collaborations/c.yaml",
          "kind: collaboration\nid: c\nname: C\nparties: [" + ", ".join(parties) + "]\n")


def organisations(root, count):
    lines = []
    for i in range(count):
        lines.append(f"---\nkind: organisation\nid: {org(i)}\nname: Org {i}\ntype: municipality\n")
    write(f"{root}/organisations/all.yaml", "".join(lines))


def case_suggest(root, scale):
    count = int(1000 * scale)
    base(root)
    organisations(root, count)
    collaboration(root, [org(0), org(1)])
    write(f"{root}/forums/f.yaml", "kind: forum\nid: f\nname: F\ncollaboration: c\ntype: steering\n")
    # One substitution in the number: a plausible typo of some real id.
    attendees = "".join(f"  - organisation: org-{(i * 7) % count:06d}-komun\n" for i in range(4 * count))
    write(f"{root}/meetings/m.yaml",
          "kind: meeting\nid: m\nforum: f\ndate: 2026-01-01\nattendees:\n" + attendees)


def case_nested(root, scale):
    count = int(1000 * scale)
    base(root)
    organisations(root, 2)
    collaboration(root, [org(0), org(1)])
    goals = "".join(f"  - id: g{i}\n    title: Goal {i}\n" for i in range(count))
    activities = "".join(f"  - id: a{i}\n    title: A\n    goals: [h{(i * 7) % count}]\n" for i in range(4 * count))
    write(f"{root}/plans/p.yaml",
          "kind: plan\nid: p\ntitle: P\ncollaboration: c\nperiod: 2026\nstatus: draft\n"
          "goals:\n" + goals + "activities:\n" + activities)


def case_chain(root, scale):
    count = int(4000 * scale)
    base(root)
    lines = []
    for i in range(count):
        parent = org((i + 1) % count)
        lines.append(f"---\nkind: organisation\nid: {org(i)}\nname: Org {i}\ntype: unit\nparent: {parent}\n")
    write(f"{root}/organisations/chain.yaml", "".join(lines))


def case_units(root, scale):
    count = int(1000 * scale)
    base(root)
    lines = [f"---\nkind: organisation\nid: {org(i)}\nname: Org {i}\ntype: unit\nparent: {org(i + 1)}\n"
             for i in range(count - 1)]
    lines.append(f"---\nkind: organisation\nid: {org(count - 1)}\nname: Top\ntype: municipality\n")
    lines.append("---\nkind: organisation\nid: other\nname: Other\ntype: municipality\n")
    write(f"{root}/organisations/chain.yaml", "".join(lines))
    collaboration(root, [org(count - 1), "other"])
    write(f"{root}/forums/f.yaml", "kind: forum\nid: f\nname: F\ncollaboration: c\ntype: steering\n"
          f"members:\n  - organisation: other\n  - organisation: {org(0)}\n")
    for m in range(3):
        attendees = "".join(f"  - organisation: {org(i % 50)}\n" for i in range(count))
        write(f"{root}/meetings/m{m}.yaml",
              f"kind: meeting\nid: m{m}\nforum: f\ndate: 2026-01-0{m + 1}\nattendees:\n" + attendees)
    activities = "".join(f"  - id: a{i}\n    title: A\n    owner: {org(i % 50)}\n" for i in range(count))
    write(f"{root}/plans/p.yaml", "kind: plan\nid: p\ntitle: P\ncollaboration: c\nperiod: 2026\nstatus: draft\n"
          "activities:\n" + activities)


def case_line(root, scale):
    count = int(20000 * scale)
    base(root)
    organisations(root, 2)
    collaboration(root, [org(0), org(1)])
    write(f"{root}/forums/f.yaml", "kind: forum\nid: f\nname: F\ncollaboration: c\ntype: steering\n")
    refs = ", ".join(f"xx{i:07d}" for i in range(count))
    write(f"{root}/meetings/m.yaml",
          "kind: meeting\nid: m\nforum: f\ndate: 2026-01-01\nitems:\n  - number: 1\n    title: T\n"
          "    refs: [" + refs + "]\n")


def case_glob(root, scale):
    stars = "**/" * int(6 * scale)
    base(root)
    deep = root + "/d" * 25
    write(f"{deep}/o.yaml", f"kind: organisation\nid: {org(0)}\nname: O\ntype: municipality\n")
    write(f"{root}/samverkan.yaml", f'name: Hostile\nlanguage: en\nexclude: ["{stars}nothing"]\n')


CASES = {"suggest": case_suggest, "nested": case_nested, "chain": case_chain, "units": case_units, "line": case_line, "glob": case_glob}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in CASES:
        sys.exit(__doc__)
    CASES[sys.argv[1]](sys.argv[3], float(sys.argv[2]))
