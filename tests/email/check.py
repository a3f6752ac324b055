#!/usr/bin/python3
"""The e-mail export with a real reader, Python's `email` package (what mail tools are tested
against): `communique export ID --format eml` is one multipart/alternative message, UTF-8, its
text part the release's plain text and its HTML part exactly the HTML export; the Subject is the
headline, `EMBARGOED:` in front while the embargo holds; a headline holding line breaks and header
names adds no header.

    tests/email/check.py target/debug/communique
"""

import email
import email.policy
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "core", "tests", "fixtures", "v2", "ministers-en-fr.meeting.json")

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "archive.sqlite")

        def c(*args, now=None):
            env = dict(os.environ)
            if now:
                env["COMMUNIQUE_NOW"] = now
            p = subprocess.run([cli, "--db", db, *args], capture_output=True, env=env)
            if p.returncode != 0:
                sys.exit(f"{args}: {p.stderr.decode()}")
            return p.stdout

        with open(EXAMPLE, encoding="utf-8") as f:
            m = json.load(f)
        hostile = os.path.join(tmp, "hostile.meeting.json")
        m2 = json.loads(json.dumps(m))
        m2["releases"][0]["headline"] = ["Ministers agree\r\nBcc: victim@example.org\r\n\r\n<script>alert(1)</script>"]
        with open(hostile, "w", encoding="utf-8") as f:
            json.dump(m2, f, ensure_ascii=False)
        mid, hid = c("import", EXAMPLE, hostile).decode().split()

        # The embargo is 2031-04-25 18:00 +01:00: before it, and after.
        before = c("export", mid, "--format", "eml", "--lang", "en", now="2031-04-25T12:00:00Z")
        after = c("export", mid, "--format", "eml", "--lang", "en", now="2031-04-26T12:00:00Z")
        html = c("export", mid, "--format", "html", "--lang", "en").decode()
        msg = email.message_from_bytes(before, policy=email.policy.default)
        check(msg["Subject"] == "EMBARGOED: Ministers agree a plan for safe ports (Embargoed until 25 April 2031 18:00 WEST)",
              f"the Subject while the embargo holds: {msg['Subject']!r}")
        check(email.message_from_bytes(after, policy=email.policy.default)["Subject"] == "Ministers agree a plan for safe ports",
              "the Subject once it is lifted")
        check(msg.get_content_type() == "multipart/alternative", f"multipart/alternative: {msg.get_content_type()}")
        check(msg["X-Unsent"] == "1" and msg["Content-Language"] == "en", "a draft, in English")
        parts = list(msg.iter_parts())
        check([p.get_content_type() for p in parts] == ["text/plain", "text/html"], "text, then HTML")
        check(all(p.get_content_charset() == "utf-8" for p in parts), "both UTF-8")
        # MIME text is written with CRLF line ends (RFC 2046); read back, the same text.
        check(parts[1].get_content().replace("\r\n", "\n") == html, "the HTML part is the HTML export, line for line")
        text = parts[0].get_content()
        check("“We act together,” Ms Ruiz said." in text or "We act together" in text, "the text part holds the release")
        check(text.splitlines()[0].startswith("Embargoed until"), "the text part opens with the embargo")

        fr = email.message_from_bytes(c("export", mid, "--format", "eml", "--lang", "fr", now="2031-04-25T12:00:00Z"),
                                      policy=email.policy.default)
        # The French release of the example sets no embargo of its own.
        check(fr["Subject"] == "Les ministres adoptent un plan pour des ports sûrs", f"French: {fr['Subject']!r}")
        check(fr["Content-Language"] == "fr", "in French")

        bad = email.message_from_bytes(c("export", hid, "--format", "eml", "--lang", "en"), policy=email.policy.default)
        check(bad["Bcc"] is None, "a headline with a line break adds no header")
        check("Ministers agree Bcc: victim@example.org <script>alert(1)</script>" in bad["Subject"], f"... it stays text in the Subject: {bad['Subject']!r}")
        check(len(list(bad.iter_parts())) == 2, "... and the body is intact")

    if failures:
        sys.exit(f"{len(failures)} e-mail check(s) failed")
    print("email: all checks passed")


main()
