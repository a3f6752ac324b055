#!/usr/bin/python3
"""Checks meeting files against the committed JSON Schema (docs/meeting-file.schema.json) with an
independent validator (Python's jsonschema), and checks that the schema and Communiqué agree.

- Every meeting file in the repository (samples, test fixtures, anything tracked whose format is
  communique.meeting.v1, outside the fuzz corpus) and what the benchmark generates is valid, and
  so is the canonical file Communiqué writes for each (imported, then exported as JSON).
- Known-invalid documents (one defect each) are refused by the schema and by Communiqué, which
  names the field.
- The written forms of dates, moments, zones and language tags: each is accepted by both or by
  neither (the schema is never stricter than Communiqué, nor looser on their shape).

Usage: tests/schema/check.py PATH-TO-communique   (scripts/test passes the debug build)
Prints one closing line "schema: N passed, M failed"; exits 1 on any failure.
"""

import copy
import json
import random
import subprocess
import sys
import tempfile
import zoneinfo
from datetime import date
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs/meeting-file.schema.json"
BASE = ROOT / "core/tests/fixtures/examples/fisheries-en.meeting.json"
SCHEMA_V2 = ROOT / "docs/meeting-file-v2.schema.json"
BASE_V2 = ROOT / "core/tests/fixtures/v2/ministers-en-fr.meeting.json"
CORPUS = ROOT / "core/tests/fixtures/corpus"

passed = 0
failed = 0


def report(ok: bool, what: str, detail: str = "") -> None:
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"  FAIL {what}{': ' + detail if detail else ''}")


def repository_meeting_files(fmt: str = "communique.meeting.v1") -> list[Path]:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    files = []
    for name in tracked.decode().split("\0"):
        if not name or name.startswith("fuzz/corpus/"):
            continue
        path = ROOT / name
        if name.endswith(".json") and f'"{fmt}"' in path.read_text(encoding="utf-8", errors="replace"):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and doc.get("format") == fmt:
                files.append(path)
    return files


def generated_meetings() -> list[tuple[str, dict]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import gendata  # the benchmark's own generator: what it feeds Communiqué must be valid too

    out = [(f"bench meeting {i}", gendata.meeting(random.Random(i), date(2026, 1, 1 + i))) for i in range(5)]
    out.append(("bench big meeting", gendata.big_meeting(7)))
    return out


class Core:
    """Communiqué's own verdict, through the real CLI."""

    def __init__(self, exe: str, tmp: Path):
        self.exe = exe
        self.tmp = tmp
        self.db = tmp / "schema-check.sqlite3"

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([self.exe, "--db", str(self.db), *args], capture_output=True, text=True)

    def write(self, name: str, doc) -> Path:
        path = self.tmp / name
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    def verdict(self, name: str, doc) -> tuple[bool, str]:
        r = self.run("render", str(self.write(name, doc)), "--format", "md")
        return r.returncode == 0, r.stderr.strip()

    def upgrade(self, path: Path) -> tuple[str | None, str]:
        """`communique upgrade`: the v2 file Communiqué writes for a meeting file of either version."""
        r = self.run("upgrade", str(path))
        return (r.stdout, "") if r.returncode == 0 else (None, r.stderr.strip())

    def canonical(self, path: Path):
        """The meeting file Communiqué writes for `path`: imported, then exported as JSON."""
        r = self.run("import", str(path))
        if r.returncode != 0:
            return None, r.stderr.strip()
        r = self.run("export", r.stdout.strip(), "--format", "json")
        return (json.loads(r.stdout), "") if r.returncode == 0 else (None, r.stderr.strip())


def first_error(validator: Draft202012Validator, doc) -> str | None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    return f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"


def with_(change, base: Path = BASE):
    doc = json.loads(base.read_text(encoding="utf-8"))
    change(doc)
    return doc


def setter(*path_and_value):
    *path, value = path_and_value

    def change(doc):
        target = doc
        for p in path[:-1]:
            target = target[p]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


DELETE = object()

# One defect each; what Communiqué's one-line error must say (the field's path, after the file).
INVALID = [
    ("unknown top-level field", setter("notes", "x"), ": notes: unknown field"),
    ("unknown field in a quote", setter("agenda", 0, "quotes", 0, "speakr", "chair"), ": agenda[0].quotes[0].speakr: unknown field"),
    ("in_release not a boolean", setter("agenda", 0, "in_release", "yes"), ": agenda[0].in_release: "),
    ("another format", setter("format", "communique.meeting.v3"), ": format: "),
    ("an unsupported language", setter("meeting", "language", "de"), ": meeting.language: "),
    ("a date of the wrong shape", setter("meeting", "starts", "2025-3-1"), ": meeting.starts: "),
    ("a day not in the calendar", setter("meeting", "starts", "2025-02-30"), ": meeting.starts: "),
    ("ends written as null", setter("meeting", "ends", None), ": meeting.ends: "),
    ("updated without an offset", setter("release", "updated", "2025-03-01T17:05:00"), ": release.updated: "),
    ("an unknown form", setter("agenda", 0, "quotes", 0, "form", "nickname"), ": agenda[0].quotes[0].form: "),
    ("no agenda", setter("agenda", DELETE), "missing field `agenda`"),
    ("a blank title", setter("meeting", "title", "  "), ": meeting.title: "),
    ("a person with no name", setter("people", 0, "name", ""), ": people[0].name: "),
    ("not a language tag", setter("release", "photos", 0, "language", "english!"), ": release.photos[0].language: "),
    ("not a zone name", setter("meeting", "timezone", "Europe Brussels"), ": meeting.timezone: "),
]

# v2, one defect each on the worked example; what `communique upgrade` must say.
INVALID_V2 = [
    ("an unknown field in a span", setter("releases", 0, "lead", 0, "p", 0, "persn", "sg"), ": releases[0].lead[0].p[0].persn: unknown field"),
    ("a block of two kinds", setter("releases", 0, "lead", 0, "h", ["x"]), ": releases[0].lead[0]: a block has exactly one of"),
    ("a block of no kind", setter("releases", 0, "lead", 0, "p", DELETE), ": releases[0].lead[0]: a block has exactly one of"),
    ("a javascript: link", setter("releases", 0, "closing", 0, "p", 1, "link", "javascript:alert(1)"), ": releases[0].closing[0].p[1].link: "),
    ("an unknown attribution", setter("releases", 0, "items", 0, "blocks", 1, "p", 0, "attribution", "sideways"), ": releases[0].items[0].blocks[1].p[0].attribution: "),
    ("words in an unsupported language", setter("agenda", 0, "quotes", 0, "words", "ja", "共に行動する"), ": agenda[0].quotes[0].words"),
    ("no languages", setter("meeting", "languages", DELETE), "missing field `languages`"),
    ("a list of an unknown kind", setter("releases", 0, "items", 0, "blocks", 2, "list", "dashed"), ": releases[0].items[0].blocks[2].list: "),
    ("a photo placed nowhere known", setter("releases", 0, "photos", 0, "position", "sideways"), ": releases[0].photos[0].position: "),
    ("a run that is a number", setter("releases", 0, "headline", 0, 7), ": releases[0].headline[0]: "),
]

# Written forms: (field path, value, accepted by Communiqué).
FORMS = [
    *[(("release", "updated"), v, True) for v in [
        "2025-03-01T17:05:00Z", "2025-03-01t17:05:00z", "2025-03-01 17:05:00+01:00",
        "2025-03-01T17:05:00.123456789-04:30", "2016-12-31T23:59:60Z"]],
    *[(("release", "updated"), v, False) for v in [
        "2025-03-01T17:05Z", "2025-03-01T17:05:00", "2025-03-01T17:05:00+0100", "2025-03-01", "2025-03-01T17:05:00 Z"]],
    *[(("release", "published"), v, True) for v in ["2025-03-01", "2025-03-01T10:00:00-04:00"]],
    *[(("release", "published"), v, False) for v in ["2025-03-01T", "01/03/2025", "2025-03-01T10:00"]],
    *[(("meeting", "ends"), v, True) for v in ["2025-03-01", "2028-02-29"]],
    *[(("meeting", "ends"), v, False) for v in ["2025-03-01T00:00:00Z", "20250301", " 2025-03-01"]],
    *[(("meeting", "timezone"), v, True) for v in [
        "UTC", "Europe/Oslo", "Etc/GMT+2", "America/Argentina/Buenos_Aires", "America/Port-au-Prince"]],
    *[(("meeting", "timezone"), v, False) for v in ["", "/Europe/Oslo", "Europe/"]],
    *[(("release", "photos", 0, "language"), v, True) for v in ["en", "de-CH", "zh-Hant-TW"]],
    *[(("release", "photos", 0, "language"), v, False) for v in ["e", "en_GB", "en-", "toolongtag"]],
]


def check_v2(core: Core) -> None:
    """The meeting file v2: its schema, the files in the repository, what `upgrade` writes."""
    schema = json.loads(SCHEMA_V2.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    files = repository_meeting_files("communique.meeting.v2")
    report(len(files) >= 1, "v2 meeting files found in the repository", str(files))
    # The corpus of releases (core/tests/suite/corpus.rs): every meeting file in its folder is a
    # v2 file, and each is checked below with the others.
    corpus = sorted(CORPUS.glob("*.meeting.json"))
    report(len(corpus) >= 8, "the corpus has at least 8 meeting files", str(corpus))
    for path in corpus:
        report(path in files, f"{path.relative_to(ROOT)} is a tracked v2 meeting file")
    for path in files:
        name = path.relative_to(ROOT)
        error = first_error(validator, json.loads(path.read_text(encoding="utf-8")))
        report(error is None, f"{name} is valid against the v2 schema", error or "")
        written, why = core.upgrade(path)
        report(written == path.read_text(encoding="utf-8"), f"{name} is Communiqué's own canonical v2 file", why)
    for path in repository_meeting_files():
        name = path.relative_to(ROOT)
        written, why = core.upgrade(path)
        report(written is not None, f"{name} upgrades to v2", why)
        if written is not None:
            error = first_error(validator, json.loads(written))
            report(error is None, f"the v2 form of {name} is valid against the v2 schema", error or "")

    for i, (what, change, says) in enumerate(INVALID_V2):
        doc = with_(change, BASE_V2)
        report(first_error(validator, doc) is not None, f"the v2 schema refuses {what}")
        r = core.run("upgrade", str(core.write(f"invalid-v2-{i}.meeting.json", doc)))
        report(r.returncode != 0 and says in r.stderr, f"Communiqué refuses {what}, saying {says!r}", r.stderr.strip() or "accepted")

    # Links: accepted by both or by neither.
    links = [(v, True) for v in ["https://example.org/a?b=c#d", "HTTP://example.org", "mailto:press@example.org", "http://x"]]
    links += [(v, False) for v in [
        "javascript:alert(1)", "data:text/html,x", "ftp://example.org", "https:example.org", "https://", "mailto:",
        "//example.org", "https://example.org/a b", "https://example.org/\u0007", "https://example.org/\u0085"]]
    for i, (href, accepted) in enumerate(links):
        doc = with_(setter("releases", 0, "closing", 0, "p", 1, "link", href), BASE_V2)
        schema_ok = first_error(validator, doc) is None
        r = core.run("upgrade", str(core.write(f"link-{i}.meeting.json", doc)))
        report((r.returncode == 0) == accepted, f"Communiqué {'accepts' if accepted else 'refuses'} the link {href!r}", r.stderr.strip())
        report(schema_ok == accepted, f"the v2 schema {'accepts' if accepted else 'refuses'} the link {href!r}")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    with tempfile.TemporaryDirectory() as tmp:
        core = Core(sys.argv[1], Path(tmp))

        files = repository_meeting_files()
        report(len(files) >= 6, "meeting files found in the repository", str(files))
        for path in files:
            name = path.relative_to(ROOT)
            error = first_error(validator, json.loads(path.read_text(encoding="utf-8")))
            report(error is None, f"{name} is valid", error or "")
            written, why = core.canonical(path)
            report(written is not None, f"{name} is read by Communiqué", why)
            if written is not None:
                error = first_error(validator, written)
                report(error is None, f"Communiqué's export of {name} is valid", error or "")
        for name, doc in generated_meetings():
            error = first_error(validator, doc)
            report(error is None, f"{name} is valid", error or "")

        for i, (what, change, says) in enumerate(INVALID):
            doc = with_(change)
            report(first_error(validator, doc) is not None, f"the schema refuses {what}")
            ok, stderr = core.verdict(f"invalid-{i}.meeting.json", doc)
            report(not ok and says in stderr, f"Communiqué refuses {what}, saying {says!r}", stderr or "accepted")

        for i, (path, value, accepted) in enumerate(FORMS):
            doc = with_(setter(*path, value))
            where = ".".join(map(str, path))
            schema_ok = first_error(validator, doc) is None
            core_ok, stderr = core.verdict(f"form-{i}.meeting.json", doc)
            report(core_ok == accepted, f"Communiqué {'accepts' if accepted else 'refuses'} {where} = {value!r}", stderr)
            report(schema_ok == accepted, f"the schema {'accepts' if accepted else 'refuses'} {where} = {value!r}")

        check_v2(core)

    # Every zone name the system's database knows has the shape the schema asks for.
    zone = schema["$defs"]["MeetingInfo"]["properties"]["timezone"]
    zones = sorted(zoneinfo.available_timezones())
    bad = [z for z in zones if first_error(Draft202012Validator(zone), z) is not None]
    report(len(zones) > 300 and not bad, f"the zone pattern takes all {len(zones)} IANA names", str(bad[:5]))

    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
