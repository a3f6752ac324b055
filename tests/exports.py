"""What the checks of the binary exports (tests/docx/check.py, tests/pdf/check.py) share: the
releases they read, the CLI run, the release's plain text as core writes it (the text part of its
e-mail export), the release's links, and a meeting made hostile.
"""

import email
import email.policy
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
V2 = os.path.join(ROOT, "core", "tests", "fixtures", "v2", "ministers-en-fr.meeting.json")
# The sample meetings (English, French), the v2 example (sub-headings, lists, block quotes,
# statements, links; English and French), a corpus release with captions and credits.
CASES = [
    (os.path.join(ROOT, "core", "samples", "water-council-en.meeting.json"), "en"),
    (os.path.join(ROOT, "core", "samples", "water-council-fr.meeting.json"), "fr"),
    (V2, "en"),
    (V2, "fr"),
    (os.path.join(ROOT, "core", "tests", "fixtures", "corpus", "matter-rail-launch.meeting.json"), "en"),
]
# Past every embargo: the release as it is published (the e-mail's Subject is the headline alone).
LATER = "2099-01-01T00:00:00Z"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def finish(what):
    if failures:
        sys.exit(f"{len(failures)} {what} check(s) failed")
    print(f"{what.lower()}: all checks passed")


def run(*args, **kw):
    p = subprocess.run(list(args), capture_output=True, **kw)
    if p.returncode != 0:
        sys.exit(f"{args[:3]}: {p.stderr.decode(errors='replace')}")
    return p.stdout


def plain_text_and_subject(cli, path, lang, env):
    """The release's plain text (`\\n` line ends) and its headline, from its e-mail export."""
    eml = run(cli, "render", path, "--format", "eml", "--language", lang, env=env)
    msg = email.message_from_bytes(eml, policy=email.policy.default)
    text = next(p for p in msg.iter_parts() if p.get_content_type() == "text/plain").get_content()
    return text.replace("\r\n", "\n"), str(msg["Subject"])


def expected_links(doc):
    """Every link of a meeting file v2's release texts: (phrase, address)."""
    out = []

    def walk(v):
        if isinstance(v, dict):
            if "link" in v and "text" in v:
                out.append(("".join(v["text"]), v["link"]))
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)
    return out


def hostile_meeting(tmp, hostile):
    """The v2 example with `hostile` in its first release's headline, lead and contact (a link's
    phrase): its path under `tmp`."""
    with open(V2, encoding="utf-8") as f:
        m = json.load(f)
    m["releases"][0]["headline"] = ["Ministers " + hostile]
    m["releases"][0]["lead"][0]["p"].append(" Then " + hostile + ".")
    m["releases"][0]["contact"][0]["p"][1]["text"] = ["mail " + hostile]
    path = os.path.join(tmp, "hostile.meeting.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False)
    return path
