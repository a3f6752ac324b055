#!/usr/bin/python3
"""XLIFF with real readers: what `communique xliff export` writes validates against OASIS's XLIFF
1.2 schema (xmllint), Python's translate-toolkit reads it, fills its targets and writes it back,
and `communique xliff import` takes the result: the French release then reads as translated, and
the file translate-toolkit wrote validates too. Also: a file translate-toolkit merely reads and
writes back changes nothing, and exporting an untranslated version fails without
--allow-outdated.

    tests/xliff/check.py target/debug/communique
"""

import json
import os
import subprocess
import sys
import tempfile

from translate.storage import xliff
from translate.storage.placeables import StringElem

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCHEMA = os.path.join(HERE, "schema", "xliff-core-1.2-strict.xsd")
EXAMPLE = os.path.join(ROOT, "core", "tests", "fixtures", "v2", "ministers-en-fr.meeting.json")

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(*args, ok=True):
    p = subprocess.run(args, capture_output=True, text=True)
    if ok and p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p


def valid(path):
    env = dict(os.environ, XML_CATALOG_FILES=os.path.join(HERE, "schema", "catalog.xml"))
    p = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", SCHEMA, path],
                       capture_output=True, text=True, env=env)
    return p.returncode == 0, p.stderr.strip()


def english_only(path):
    """The example meeting without its French release and French words."""
    with open(EXAMPLE, encoding="utf-8") as f:
        m = json.load(f)
    m["meeting"]["languages"] = ["en"]
    m["releases"] = [r for r in m["releases"] if r["language"] == "en"]
    for o in m.get("organisations", []):
        for k in ("name", "boilerplate"):
            o.get(k, {}).pop("fr", None)
    for p in m["people"]:
        p.get("forms", {}).pop("fr", None)
    for item in m["agenda"]:
        for q in item.get("quotes", []):
            q["words"].pop("fr", None)
            q.get("verb", {}).pop("fr", None)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=2)


def uid(unit):
    """A unit's id as Communiqué wrote it (translate-toolkit puts the file's name in front)."""
    return unit.getid().split("\x04")[-1]


def prefixed(elem, prefix):
    """A rich string with `prefix` before its first text, placeholders kept as they are."""
    done = [False]

    def walk(e):
        for i, sub in enumerate(e.sub):
            if isinstance(sub, str):
                if not done[0] and sub.strip():
                    e.sub[i] = prefix + sub
                    done[0] = True
            elif isinstance(sub, StringElem):
                walk(sub)

    walk(elem)
    if not done[0]:
        elem.sub.insert(0, prefix)
    return elem


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.environ.get("XLIFF_KEEP", tmp)
        db = os.path.join(tmp, "archive.sqlite")
        meeting = os.path.join(tmp, "en.meeting.json")
        english_only(meeting)
        c = lambda *a, ok=True: run(cli, "--db", db, *a, ok=ok)
        mid = c("import", meeting).stdout.strip()
        c("version", "add", mid, "--lang", "fr")
        status = c("status", mid).stdout
        check(status.startswith("en\toriginal\t0 translated\t0 to translate\t0 outdated\nfr\ten\t0 translated\t"),
              f"status after version add: {status!r}")

        refused = c("export", mid, "--format", "md", "--lang", "fr", ok=False)
        check(refused.returncode != 0 and "--allow-outdated" in refused.stderr,
              f"export of an untranslated version fails: {refused.stderr.strip()!r}")
        check(c("export", mid, "--format", "md", "--lang", "fr", "--allow-outdated", ok=False).returncode == 0,
              "... and is written with --allow-outdated")

        out = os.path.join(tmp, "fr.xlf")
        c("xliff", "export", mid, "--lang", "fr", "-o", out)
        ok, err = valid(out)
        check(ok, f"the export validates against the OASIS XLIFF 1.2 strict schema {err}")

        # Read and written back by translate-toolkit, unchanged: importing it translates nothing.
        store = xliff.xlifffile.parsefile(out)
        units = [u for u in store.units if u.getid()]
        check(len(units) > 15, f"translate-toolkit reads {len(units)} units")
        check(all(not u.target for u in units), "no unit has a target yet")
        same = os.path.join(tmp, "same.xlf")
        with open(same, "wb") as f:
            f.write(bytes(store))
        r = c("xliff", "import", mid, same)
        check(r.stdout.strip() == f"fr: 0 translated, {len(units)} left untranslated",
              f"a file read and written back unchanged translates nothing: {r.stdout.strip()!r}")

        # Translated in translate-toolkit: every target is its source, placeholders kept, with
        # "FR-" before its first words.
        for u in units:
            u.rich_target = [prefixed(u.rich_source[0].copy(), "FR-")]
        done = os.path.join(tmp, "fr-done.xlf")
        with open(done, "wb") as f:
            f.write(bytes(store))
        ok, err = valid(done)
        check(ok, f"translate-toolkit's file validates against the schema too {err}")
        r = c("xliff", "import", mid, done)
        check(r.stdout.strip() == f"fr: {len(units)} translated, 0 left untranslated",
              f"import of translate-toolkit's file: {r.stdout.strip()!r} {r.stderr.strip()}")
        status = c("status", mid).stdout.splitlines()[1]
        check(status == f"fr\ten\t{len(units)} translated\t0 to translate\t0 outdated", f"status: {status!r}")

        md = c("export", mid, "--format", "md", "--lang", "fr").stdout
        check("FR-Read the [plan](https://example.org/plan)\\." in md, "the link came back with its address")
        check("- FR-Border checks\n- Harbour pilots\n" in md, "the list kept its entries")
        check("«\u00a0FR-ready to go\u00a0»" in md, "a quote's words came back, in French marks")
        check("«\u00a0FR-Can we wait\u00a0?\u00a0», a demandé" not in md, "no English verb came along")

        # Lossless: exported again (all texts), translate-toolkit reads back exactly the targets
        # it wrote.
        again = os.path.join(tmp, "again.xlf")
        c("xliff", "export", mid, "--lang", "fr", "--all", "-o", again)
        back = {uid(u): u for u in xliff.xlifffile.parsefile(again).units if u.getid()}
        wrote = {uid(u): str(u.rich_target[0]) for u in units}
        check(sorted(back) == sorted(wrote), "the same units come out")
        got = {k: str(v.rich_target[0]) for k, v in back.items() if v.target}
        check(got == wrote, "each target reads back as translate-toolkit wrote it")

        # A broken file is refused, naming the unit, and nothing is applied: a translator's
        # target that lost a placeholder.
        with open(again, encoding="utf-8") as f:
            text = f.read()
        unit = text.index('<trans-unit id="block:p2"')
        target = text.index("<target", unit)
        end = text.index("</target>", target)
        broken_target = text[target:end].replace('<x id="1" ctype="x-quote"/>', "", 1)
        check(broken_target != text[target:end], "the placeholder to remove is there")
        broken = os.path.join(tmp, "broken.xlf")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(text[:target] + broken_target + text[end:])
        before = c("export", mid, "--format", "json").stdout
        r = c("xliff", "import", mid, broken, ok=False)
        check(r.returncode != 0 and f'{broken}: unit "block:p2": target: placeholder' in r.stderr,
              f"a lost placeholder is refused by unit: {r.stderr.strip()!r}")
        check(c("export", mid, "--format", "json").stdout == before, "... and nothing changed")

    if failures:
        sys.exit(f"{len(failures)} XLIFF check(s) failed")
    print("xliff: all checks passed")


main()
