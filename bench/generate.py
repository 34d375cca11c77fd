#!/usr/bin/env python3
"""Writes a deterministic, national-scale samverkan repository for the benchmark.

    bench/generate.py OUT_DIR [--scale 1.0]

290 kommuner, 21 regions, Försäkringskassan and Arbetsförmedlingen; about 600
collaborations with a steering group, a working group and a network each; three
years (2024-2026) of quarterly meetings with minutes and actions; a plan per
collaboration and year with goals and activities; half-year and full-year
reports. At scale 1.0: 29 714 files, about 40 MB of YAML. The same arguments always give
the same bytes. The data validates clean.
"""
import argparse
import os
import random

YEARS = (2024, 2025, 2026)


def luhn_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def org_number(prefix, n):
    nine = f"{prefix}{n:07d}"[:9]
    return f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def organisation(oid, name, typ, number, rng):
    services = rng.sample(["Försörjningsstöd", "Arbetsmarknadsinsatser", "Rehabilitering", "Psykiatri",
                           "Primärvård", "Boendestöd", "Sjukpenning", "Arbetsträning", "Studie- och yrkesvägledning"], 3)
    return (f"kind: organisation\nid: {oid}\nname: {name}\ntype: {typ}\norg_number: {number}\n"
            f"mandate: |\n  {name} ansvarar för sitt lagstadgade uppdrag och samverkar kring personer\n"
            f"  som behöver stöd från flera huvudmän.\n"
            f"services: [{', '.join(services)}]\n"
            f"contacts:\n  - role: Samverkansansvarig\n    email: samverkan@{oid}.example.se\n    phone: 010-123 45 67\n"
            f"website: https://www.{oid}.example.se\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    rng = random.Random(20261123)
    root = args.out
    n_kommuner = max(2, int(290 * args.scale))
    n_regions = max(1, int(21 * args.scale))
    n_collab = max(1, int(600 * args.scale))

    write(root, "samverkan.yaml", "name: Nationellt samverkansnätverk (benchmark)\nlanguage: sv\n")
    kommuner = [f"kommun-{i:03d}" for i in range(n_kommuner)]
    regions = [f"region-{i:02d}" for i in range(n_regions)]
    for i, k in enumerate(kommuner):
        write(root, f"organisations/kommuner/{k}.yaml", organisation(k, f"Kommun {i:03d}", "municipality", org_number("212", i), rng))
    for i, r in enumerate(regions):
        write(root, f"organisations/regioner/{r}.yaml", organisation(r, f"Region {i:02d}", "region", org_number("232", i), rng))
    write(root, "organisations/forsakringskassan.yaml", organisation("forsakringskassan", "Försäkringskassan", "state-agency", org_number("202", 1), rng))
    write(root, "organisations/arbetsformedlingen.yaml", organisation("arbetsformedlingen", "Arbetsförmedlingen", "state-agency", org_number("202", 2), rng))

    for c in range(n_collab):
        cid = f"samverkan-{c:03d}"
        kommun = kommuner[c % n_kommuner]
        region = regions[c % n_regions]
        parties = [kommun, region, "forsakringskassan", "arbetsformedlingen"]
        write(root, f"collaborations/{cid}.yaml",
              f"kind: collaboration\nid: {cid}\nname: Samverkan {c:03d}\nparties: [{', '.join(parties)}]\n"
              f"area: Kommunområde {c:03d}\nintegration_level: collaboration\n"
              f"purpose: Gemensamt stöd till personer i behov av samordnad rehabilitering.\n"
              f"target_groups:\n  - id: unga-vuxna\n    name: Unga vuxna 16–29 år\n  - id: langtidssjukskrivna\n    name: Långtidssjukskrivna\n"
              f"needs:\n  - Tydliga kontaktvägar mellan parterna\n  - Gemensam kartläggning av behov\n"
              f"coordinator:\n  role: Samverkanskoordinator\n  organisation: {kommun}\n  fte: 0.5\n"
              f"agreement:\n  signed: 2023-12-01\n  valid_until: 2027-12-31\n  form: written\n")
        forums = {"styrgrupp": "steering", "arbetsgrupp": "working", "natverk": "network"}
        for fname, ftype in forums.items():
            fid = f"{fname}-{c:03d}"
            members = "".join(f"  - organisation: {p}\n    role: {'Chef' if ftype == 'steering' else 'Handläggare'}\n" for p in parties)
            write(root, f"forums/{cid}/{fname}.yaml",
                  f"kind: forum\nid: {fid}\nname: {fname.capitalize()} {c:03d}\ncollaboration: {cid}\ntype: {ftype}\n"
                  f"level: {'management' if ftype == 'steering' else 'operational'}\ncadence: quarterly\nmembers:\n{members}"
                  f"mandate: Leder och följer upp samverkan i området.\n")
            for year in YEARS:
                for q, month in enumerate((2, 5, 9, 11)):
                    day = 3 + (c + q) % 18
                    date = f"{year}-{month:02d}-{day:02d}"
                    mid = f"{fid}-{date}"
                    absent = parties[(c + q + year) % 4]
                    present = [p for p in parties if p != absent]
                    attendees = "".join(f"  - organisation: {p}\n    role: Representant\n" for p in present)
                    items = ""
                    for n in range(1, 4):
                        items += (f"  - number: {n}\n    title: Punkt {n}\n    notes: |\n      Gruppen gick igenom läget "
                                  f"och diskuterade nästa steg för punkt {n}.\n"
                                  f"      Representanterna redogjorde för hur arbetet går i respektive organisation,\n"
                                  f"      och gruppen enades om vad som ska lyftas till styrgruppen.\n")
                        if n == 3:
                            items += f"    refs: [handlingsplan-{c:03d}-{year}#a1]\n"
                            items += "    decisions:\n      - Gruppen beslutade att gå vidare enligt förslaget.\n"
                    approved = f"{year}-{month:02d}-{day + 7:02d}"
                    write(root, f"meetings/{fid}/{date}.yaml",
                          f"kind: meeting\nid: {mid}\nforum: {fid}\ndate: {date}\nstart: 09:00\nend: 11:00\ntype: regular\n"
                          f"location: Kommunhuset\nchair: Ordförande\nsecretary: Samverkanskoordinator\n"
                          f"attendees:\n{attendees}absent:\n  - organisation: {absent}\n    name: Ordinarie ledamot\n"
                          f"items:\n{items}"
                          f"actions:\n  - id: at1\n    title: Återkoppla till respektive organisation\n    owner: {present[0]}\n"
                          f"    responsible: Samverkanskoordinator\n    due: {year}-{month:02d}-{day + 5:02d}\n    status: done\n"
                          f"    completed: {year}-{month:02d}-{day + 5:02d}\n    item: 3\n"
                          f"minutes:\n  approved_by: [Justerare 1, Justerare 2]\n  approved: {approved}\n")
        for year in YEARS:
            goals = ""
            for g in range(1, 4):
                base = rng.randint(10, 40)
                goals += (f"  - id: g{g}\n    title: Mål {g}\n    indicator: Andel deltagare med förbättrad situation\n"
                          f"    unit: percent\n    direction: increase\n    baseline: {{value: {base}, date: {year}-01-01}}\n"
                          f"    target: {{value: {base + 10}, date: {year}-12-31}}\n    measurements:\n"
                          f"      - {{date: {year}-04-30, value: {base + 2}}}\n      - {{date: {year}-08-31, value: {base + 5}}}\n")
            acts = ""
            for a in range(1, 6):
                acts += (f"  - id: a{a}\n    title: Aktivitet {a}\n    goals: [g{1 + a % 3}]\n    owner: {parties[a % 4]}\n"
                         f"    responsible: Samverkanskoordinator\n    participants: [{parties[(a + 1) % 4]}]\n"
                         f"    start: {year}-02-01\n    due: {year}-11-30\n    status: {'done' if year < 2026 else 'ongoing'}\n")
                if year < 2026:
                    acts += f"    completed: {year}-11-20\n"
            write(root, f"plans/{cid}/{year}.yaml",
                  f"kind: plan\nid: handlingsplan-{c:03d}-{year}\ntitle: Handlingsplan {year} – Samverkan {c:03d}\n"
                  f"collaboration: {cid}\nperiod: {year}\nstatus: approved\n"
                  f"approved: {{forum: styrgrupp-{c:03d}, date: {year - 1}-12-15}}\nrevised: {year - 1}-12-15\n"
                  f"target_groups: [unga-vuxna, langtidssjukskrivna]\nneeds:\n  - Samordnade insatser\n"
                  f"goals:\n{goals}activities:\n{acts}"
                  f"follow_ups:\n  - {{date: {year}-04-30, forum: styrgrupp-{c:03d}, type: tertial}}\n"
                  f"  - {{date: {year}-08-31, forum: styrgrupp-{c:03d}, type: tertial}}\n")
            for period in (f"{year}H1", f"{year}"):
                write(root, f"reports/{cid}/{period.lower()}.yaml",
                      f"kind: report\nid: rapport-{c:03d}-{period.lower()}\ncollaboration: {cid}\nperiod: {period}\n"
                      f"author: {{role: Samverkanskoordinator}}\nsubmitted: {year + (0 if period.endswith('H1') else 1)}-{'08' if period.endswith('H1') else '02'}-15\n"
                      f"recipient: Förbundschef\nsummary: |\n  Arbetet har gått enligt plan under perioden.\n"
                      f"highlights:\n  - Gemensam utbildningsdag genomförd\nchallenges:\n  - Personalomsättning\n"
                      f"next_steps:\n  - Fortsätta arbetet enligt handlingsplanen\n")


if __name__ == "__main__":
    main()
