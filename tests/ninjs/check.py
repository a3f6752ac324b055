#!/usr/bin/python3
"""The ninjs export against IPTC's own JSON Schema for ninjs 3.1 (vendored unchanged in
tests/ninjs/schema/), with the schema's own draft validator (draft 2020-12) and a format checker,
so `date-time` and `uri` values are checked too; nothing is fetched.

For each release checked (the sample meetings in English and French, the v2 worked example in
both its languages, the house-style fixture, every release of the corpus, a release with an
embargo, a meeting whose every text is hostile, and tests/ninjs/photo-release.json, the release
with a photo and its image that core's tests write):

- the document validates;
- its plain-text body is the release's plain text exactly: the corpus's hand-written
  `<name>.<language>.txt`, else the text part of the e-mail export (read by Python's email
  package);
- its HTML body is the HTML export's <article> exactly, parses (html.parser) with only the
  renderer's elements, and its text is the plain text's, block for block; its <h1> is the main
  headline, its <figcaption>s the captions;
- the embargo is the HTML's <time datetime>; the language is <html lang>; a second run gives the
  same bytes; the photo's image lies beside the JSON under the name its rendition gives, with the
  hash its uri names and the size, width and height the rendition says.

    tests/ninjs/check.py target/debug/communique
"""

import base64
import copy
import email
import email.policy
import hashlib
import json
import re
import struct
import subprocess
import sys
import tempfile
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
from jsonschema import validators

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests/ninjs"
SCHEMA = HERE / "schema/ninjs-schema_3.1.json"
EXAMPLE = ROOT / "core/tests/fixtures/v2/ministers-en-fr.meeting.json"
CORPUS = ROOT / "core/tests/fixtures/corpus"
XSS = ROOT / "tests/xss-payloads.json"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def is_datetime(value):
    """RFC 3339 date-time, the form JSON Schema's `date-time` names (Debian's jsonschema checks it
    only with rfc3339-validator, which Debian does not package)."""
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # raises on 2031-02-30
    return True


def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    checker = copy.deepcopy(cls.FORMAT_CHECKER)
    if "date-time" not in checker.checkers:
        checker.checks("date-time", raises=(ValueError,))(is_datetime)
    # Without python3-rfc3987 `uri` would pass unchecked: refuse to run half a check.
    for fmt in ("date-time", "uri"):
        if fmt not in checker.checkers:
            sys.exit(f"the format checker cannot check {fmt!r} (install python3-rfc3987)")

    def refuse(uri):
        raise jsonschema.RefResolutionError(f"not fetched: {uri}")

    resolver = jsonschema.RefResolver.from_schema(schema, handlers={"http": refuse, "https": refuse})
    print(f"ninjs: {schema['$id']} with {cls.__name__}")
    return cls(schema, format_checker=checker, resolver=resolver)


def errors(v, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(doc)]


BLOCKS = {"h1", "h2", "p", "li", "figcaption", "small", "footer"}
HEADER_DIVS = {"embargo", "organisation", "label", "dateline"}
ALLOWED = BLOCKS | {"article", "header", "div", "span", "time", "ul", "ol", "blockquote", "figure",
                    "section", "a"}


class Blocks(HTMLParser):
    """The HTML's block texts in order, as (tag, class, text); every element it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # open blocks: [tag, class, text]
        self.out = []
        self.tags = set()
        self.open = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        cls = dict(attrs).get("class") or ""
        block = tag in BLOCKS or (tag == "div" and cls in HEADER_DIVS)
        self.open.append(block)
        if block:
            self.stack.append([tag, cls, ""])

    def handle_endtag(self, tag):
        if self.open and self.open.pop():
            t, cls, text = self.stack.pop()
            self.out.append((t, cls, text.strip()))

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data


def html_blocks(html):
    p = Blocks()
    p.feed(html)
    p.close()
    return p


def matches(line, block):
    tag, _, text = block
    if line == text:
        return True
    if tag == "li" and (line == "- " + text or re.fullmatch(r"\d+\. " + re.escape(text), line)):
        return True
    # A caption's plain text is its label ("Photo:") and its text.
    return tag == "figcaption" and line.endswith(" " + text) and len(line.split(text)[0].split()) <= 2


def text_matches(plain, blocks):
    """Every line of the plain text is a block of the HTML, in order, and every block of the HTML
    but the organisation and the photo credits is a line of it. None, or the first mismatch."""
    lines = [l for l in plain.split("\n") if l]
    used = set()
    k = 0
    for line in lines:
        while k < len(blocks) and not matches(line, blocks[k]):
            k += 1
        if k == len(blocks):
            return f"plain line not in the HTML (in order): {line!r}"
        used.add(k)
        k += 1
    for i, (tag, cls, text) in enumerate(blocks):
        if i not in used and cls not in ("organisation", "credit"):
            return f"HTML block not in the plain text: <{tag} class={cls!r}> {text!r}"
    return None


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def hostile(m, payloads):
    """Every text of the release, the meeting's title, the organisation's names, people's forms and
    quotes' words with a payload in front; a link to an address full of markup."""
    m = copy.deepcopy(m)
    counter = iter(range(10**6))

    def bad(s):
        return payloads[next(counter) % len(payloads)] + " \u202eevil\u202c \" & ' \\ " + s

    def runs(node):
        if isinstance(node, list):
            return [bad(x) if isinstance(x, str) else runs(x) for x in node]
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k in ("label", "credit", "place", "words") and isinstance(v, str):
                    out[k] = bad(v)
                elif k == "link":
                    out[k] = "https://example.org/?a=\"><script>alert(1)</script>&b='1'"
                else:
                    out[k] = runs(v)
            return out
        return node

    m["releases"] = runs(m["releases"])
    m["meeting"]["title"] = bad(m["meeting"]["title"])
    for o in m["organisations"]:
        o["name"] = {k: bad(v) for k, v in o["name"].items()}
    for p in m["people"]:
        for forms in p.get("forms", {}).values():
            for k in ("full", "role", "short"):
                if k in forms:
                    forms[k] = bad(forms[k])
    for item in m["agenda"]:
        for q in item["quotes"]:
            q["words"] = {k: bad(v) for k, v in q["words"].items()}
    return m


def main():
    cli = str(Path(sys.argv[1]).resolve())
    v = validator()

    # The validator bites: one defect each is refused.
    base = json.loads(run(cli, "render", str(EXAMPLE), "--format", "ninjs", "--language", "en"))
    for what, change in [
        ("an unknown property", lambda d: d.update(extra=1)),
        ("an embargo that is no date-time", lambda d: d.update(embargoedUntil="25 April 2031 18:00")),
        ("an impossible date", lambda d: d.update(versionCreated="2031-02-30T10:00:00Z")),
        ("a uri that is no URI", lambda d: d.update(uri="release 1")),
        ("a pubStatus not in the list", lambda d: d.update(pubStatus="embargoed")),
        ("a photo without a uri", lambda d: d["associations"][0].pop("uri")),
    ]:
        bad = copy.deepcopy(base)
        change(bad)
        check(bool(errors(v, bad)), f"the schema refuses {what}")

    payloads = json.loads(XSS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        hostile_file = Path(tmp) / "hostile.meeting.json"
        hostile_file.write_text(json.dumps(hostile(json.loads(EXAMPLE.read_text(encoding="utf-8")), payloads),
                                           ensure_ascii=False), encoding="utf-8")
        cases = [
            (ROOT / "core/samples/water-council-en.meeting.json", None),
            (ROOT / "core/samples/water-council-fr.meeting.json", None),
            (EXAMPLE, "en"),
            (EXAMPLE, "fr"),
            (ROOT / "core/tests/fixtures/v2/house-style.meeting.json", None),
            (hostile_file, "en"),
            (hostile_file, "fr"),
        ]
        for meeting in sorted(CORPUS.glob("*.meeting.json")):
            doc = json.loads(meeting.read_text(encoding="utf-8"))
            cases += [(meeting, r["language"]) for r in doc.get("releases", [])]
        for path, lang in cases:
            check_release(cli, v, path, lang)

        # The embargo, from the worked example: Lisbon, 25 April 2031 18:00 summer time.
        en = json.loads(run(cli, "render", str(EXAMPLE), "--format", "ninjs", "--language", "en"))
        check(datetime.fromisoformat(en["embargoedUntil"]) == datetime.fromisoformat("2031-04-25T17:00:00+00:00"),
              f"the embargo instant: {en.get('embargoedUntil')}")

        # The hostile release: its headline is text, exactly what the e-mail's plain text holds.
        h = json.loads(run(cli, "render", str(hostile_file), "--format", "ninjs", "--language", "en"))
        main_headline = [x["value"] for x in h["headlines"] if x["role"] == "main"][0]
        check("<script>" in main_headline and "\u202e" in main_headline,
              "a hostile headline stays text in the JSON")
        check("<script" not in body(h, "text/html") and "script" not in html_blocks(body(h, "text/html")).tags,
              "... and the HTML body holds no script")

    photo = HERE / "photo-release.json"
    doc = json.loads(photo.read_text(encoding="utf-8"))
    e = errors(v, doc)
    check(not e, f"{photo.name} validates" + (f": {e}" if e else ""))
    for a in doc.get("associations", []):
        for r in a.get("renditions", []):
            f = photo.parent / r["title"]
            data = f.read_bytes() if f.is_file() else b""
            check(bool(data), f"the image {r['title']} lies beside the JSON")
            if not data:
                continue
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            check(a["uri"] == f"ni:///sha-256;{digest}?ct={r['contentType']}", f"its uri names its bytes: {a['uri']}")
            check(r["title"] == hashlib.sha256(data).hexdigest() + ".png", "its file name is its SHA-256")
            check(r["sizeInBytes"] == len(data), "its size")
            check(png_size(data) == (r["width"], r["height"]), f"its width and height: {png_size(data)}")

    if failures:
        sys.exit(f"{len(failures)} ninjs check(s) failed")
    print("ninjs: all checks passed")


def run(cli, *args):
    p = subprocess.run([cli, *args], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"{args}: {p.stderr.decode()}")
    return p.stdout


def body(doc, content_type):
    found = [b["value"] for b in doc.get("bodies", []) if b.get("contentType") == content_type]
    return found[0] if len(found) == 1 else ""


def check_release(cli, v, path, lang):
    name = path.name + (f" ({lang})" if lang else "")
    args = ["render", str(path)] + (["--language", lang] if lang else [])
    raw = run(cli, *args, "--format", "ninjs")
    check(run(cli, *args, "--format", "ninjs") == raw, f"{name}: the same bytes twice")
    doc = json.loads(raw)
    e = errors(v, doc)
    check(not e, f"{name}: validates against the ninjs 3.1 schema" + (f": {e[:3]}" if e else ""))

    expected = CORPUS / f"{path.name.removesuffix('.meeting.json')}.{lang}.txt"
    if path.parent == CORPUS and expected.is_file():
        plain = expected.read_text(encoding="utf-8")
    else:
        mail = email.message_from_bytes(run(cli, *args, "--format", "eml"), policy=email.policy.default)
        plain = [p for p in mail.iter_parts() if p.get_content_type() == "text/plain"][0].get_content()
        plain = plain.replace("\r\n", "\n")
    check(body(doc, "text/plain") == plain, f"{name}: the plain-text body is the release's plain text")

    html = body(doc, "text/html")
    export = run(cli, *args, "--format", "html").decode()
    start, end = export.find("<article>\n"), export.find("</article>\n")
    check(html == export[start:end + len("</article>\n")], f"{name}: the HTML body is the HTML export's article")
    lang_attr = re.search(r'<html lang="([^"]+)"', export).group(1)
    check(doc["language"] == lang_attr, f"{name}: the language is the HTML's ({lang_attr})")
    parsed = html_blocks(html)
    check(parsed.tags <= ALLOWED, f"{name}: the HTML body holds only the renderer's elements: {parsed.tags - ALLOWED}")
    mismatch = text_matches(plain, parsed.out)
    check(mismatch is None, f"{name}: the HTML body's text is the plain text's" + (f": {mismatch}" if mismatch else ""))
    h1 = [t for tag, _, t in parsed.out if tag == "h1"]
    main_headline = [x["value"] for x in doc["headlines"] if x.get("role") == "main"]
    check(h1 == main_headline, f"{name}: the main headline is the <h1>")
    captions = [t for tag, _, t in parsed.out if tag == "figcaption"]
    described = [d["value"] for a in doc.get("associations", []) for d in a["descriptions"] if d["role"] == "caption"]
    check(captions == described, f"{name}: the photos' captions are the <figcaption>s")
    embargo = re.search(r'<div class="embargo"><time datetime="([^"]+)"', html)
    check(doc.get("embargoedUntil") == (embargo.group(1) if embargo else None),
          f"{name}: the embargo is the HTML's ({doc.get('embargoedUntil')})")


main()
