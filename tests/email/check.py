#!/usr/bin/python3
"""The e-mail export with a real reader, Python's `email` package (what mail tools are tested
against): `communique export ID --format eml` is one multipart/alternative message, UTF-8, its
text part the release's plain text and its HTML part exactly the HTML export; the Subject is the
headline, `EMBARGOED:` in front while the embargo holds; a headline holding line breaks and header
names adds no header; photos' images are inline parts beside the HTML (multipart/related), each
the imported file's bytes, named by the HTML's `cid:`.

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


def png(width, height):
    """A real PNG (zlib and CRC from Python's standard library, not Communiqué's encoder)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"".join(bytes((x * 40 % 256, y * 60 % 256, 128)) for x in range(width))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def check_photos(c, tmp, mid):
    """Photos' images: each an inline part of a multipart/related beside the HTML, its bytes the
    file imported (by SHA-256), named by the HTML's <img src="cid:…">."""
    import hashlib
    import re

    chart, table = png(6, 4), png(9, 5)
    paths = []
    for name, data in [("chart.png", chart), ("table.png", table)]:
        paths.append(os.path.join(tmp, name))
        with open(paths[-1], "wb") as f:
            f.write(data)
    c("photo", "add", mid, paths[1], "--photo", "ph1", "--alt", "Ministers <at> the \"table\"")
    c("photo", "add", mid, paths[0], "--photo", "chart", "--caption", "The ports in figures")
    raw = c("export", mid, "--format", "eml", "--lang", "en", now="2031-04-26T12:00:00Z")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check(msg.get_content_type() == "multipart/alternative", "with photos: still multipart/alternative")
    parts = list(msg.iter_parts())
    check([p.get_content_type() for p in parts] == ["text/plain", "multipart/related"],
          f"text, then the HTML with its images: {[p.get_content_type() for p in parts]}")
    related = list(parts[1].iter_parts())
    check(related[0].get_content_type() == "text/html", "the related part opens with the HTML")
    html = related[0].get_content()
    images = related[1:]
    check(len(images) == 2, f"one part per image: {len(images)}")
    want = {hashlib.sha256(d).hexdigest() for d in (chart, table)}
    got = set()
    for part in images:
        data = part.get_content()
        digest = hashlib.sha256(data).hexdigest()
        got.add(digest)
        cid = part["Content-ID"]
        check(part.get_content_type() == "image/png", f"image/png: {part.get_content_type()}")
        check(part.get_content_disposition() == "inline", "inline, not an attachment")
        check(cid == f"<{digest}@communique.invalid>", f"Content-ID names the bytes: {cid}")
        check(f'src="cid:{cid[1:-1]}"' in html, f"the HTML shows {cid} by cid:")
    check(got == want, "each part's bytes are an imported file's, exactly")
    check("data:image" not in html, "no data: URL in the e-mail's HTML")
    check('alt="Ministers &lt;at&gt; the &quot;table&quot;"' in html, "the alt text, escaped")
    srcs = re.findall(r'<img src="([^"]*)"', html)
    check(len(srcs) == 2 and all(s.startswith("cid:") for s in srcs), f"every image by cid: {srcs}")


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

        check_photos(c, tmp, mid)

    if failures:
        sys.exit(f"{len(failures)} e-mail check(s) failed")
    print("email: all checks passed")


main()
