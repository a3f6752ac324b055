#!/usr/bin/python3
"""The DOCX export with two real readers, pandoc's DOCX reader and LibreOffice: for the sample
meetings (English, French), the v2 example (sub-headings, lists, block quotes, statements, links;
English and French), a corpus release with captions and credits, and a hostile meeting, the
document reads back as the release's plain text, paragraph for paragraph and character for
character (no-break spaces kept): the headline in Word's `Title` style, the deck in `Subtitle`,
sub-headings as headings, lists as lists from their start, block quotes as block quotes, links as
links to their addresses; each caption's credit a paragraph of its own (`Photo Credit`). The
expected text is the plain text core writes (the text part of the e-mail export).

    tests/docx/check.py target/debug/communique
"""

import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from exports import CASES, LATER, V2, check, expected_links, finish, hostile_meeting, plain_text_and_subject, run  # noqa: E402


def xml_chars(s):
    """What XML 1.0 can hold (the DOCX cannot carry the rest)."""
    return "".join(c for c in s if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000")


def squeeze(s):
    return re.sub(r" {2,}", " ", s)


def inline(xs):
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append("\n")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript"):
            out.append(inline(c))
        elif t in ("Span", "Link"):
            out.append(inline(c[1]))
        elif t == "Quoted":
            out.append(inline(c[1]))
        else:
            out.append(f"<{t}>")
    return "".join(out)


def lines(blocks, links, styles=None, style=None):
    """The document's paragraphs as the plain text lays them out: a list's entries `- x`,
    `N. x`; with `styles`, each paragraph's style (+styles Divs) beside it."""
    out = []
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            out.append((inline(c), style))
            collect_links(c, links)
        elif t == "Header":
            out.append((inline(c[2]), style or f"h{c[0]}"))
            collect_links(c[2], links)
        elif t == "BulletList":
            for item in c:
                for text, s in lines(item, links, styles, style):
                    out.append(("- " + text, s or "bullet"))
        elif t == "OrderedList":
            start = c[0][0]
            for i, item in enumerate(c[1]):
                for text, s in lines(item, links, styles, style):
                    out.append((f"{start + i}. " + text, s or "ordered"))
        elif t == "BlockQuote":
            out.extend((text, s or "blockquote") for text, s in lines(c, links, styles, style))
        elif t == "Div":
            attrs = dict(c[0][2])
            out.extend(lines(c[1], links, styles, attrs.get("custom-style", style)))
        else:
            out.append((f"<{t}>", style))
    return out


def collect_links(xs, links):
    for x in xs:
        if x["t"] == "Link":
            links.append((inline(x["c"][1]), x["c"][2][0]))
            collect_links(x["c"][1], links)
        elif x["t"] in ("Span", "Emph", "Strong", "Quoted"):
            collect_links(x["c"][1] if x["t"] in ("Span", "Quoted") else x["c"], links)


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, COMMUNIQUE_NOW=LATER)

        hostile = "<w:p>A</w:p> ]]> & \"q\" 'a' <script>x</script> \x01\x07 é"
        bad = hostile_meeting(tmp, hostile)

        for n, (path, lang) in enumerate(CASES + [(bad, "en")]):
            name = f"{os.path.basename(path)} ({lang})"
            text, headline = plain_text_and_subject(cli, path, lang, env)
            headline, text = xml_chars(headline), xml_chars(text)
            want = [line for block in text.rstrip("\n").split("\n\n") for line in block.split("\n")]
            docx = os.path.join(tmp, f"r{n}.docx")
            run(cli, "render", path, "--format", "docx", "--language", lang, "-o", docx, env=env)

            # pandoc: the structure, and each paragraph's style.
            links = []
            read = json.loads(run("pandoc", "-f", "docx", "-t", "json", docx))
            # A document that opens with its Title (and Subtitle) gives them to pandoc's metadata.
            meta = [(inline(read["meta"][k]["c"]), k) for k in ("title", "subtitle") if k in read["meta"]]
            got = meta + lines(read["blocks"], links)
            read = json.loads(run("pandoc", "-f", "docx+styles", "-t", "json", docx))
            styled = [(t, k.capitalize()) for t, k in meta] + lines(read["blocks"], [])
            credits = [t for t, s in styled if s == "Photo Credit"]
            check(all(c.startswith("© ") and len(c) > 2 for c in credits), f"{name}: credits stand as '© …' paragraphs: {credits}")
            # pandoc's reader makes a run of spaces one (its document model has no double space).
            got_text = [t for t, _ in got if t not in credits]
            want_pandoc = [squeeze(w) for w in want]
            check(got_text == want_pandoc, f"{name}: pandoc reads the release's paragraphs exactly"
                  + ("" if got_text == want_pandoc else f"\n     want {want_pandoc}\n     got  {got_text}"))
            titles = [t for t, s in styled if s == "Title"]
            check(titles == [squeeze(headline)], f"{name}: the headline, once, in Word's Title style: {titles}")
            kinds = {s for _, s in got if s}
            if path == V2 and lang == "en":
                check({"h2", "blockquote"} <= kinds and kinds & {"bullet", "ordered"}, f"{name}: sub-headings, a list and a block quote read as such: {sorted(kinds)}")
                check("Subtitle" in {s for _, s in styled}, f"{name}: the deck in Subtitle")
            if path in (V2, bad):
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
                rel = next(r for r in doc["releases"] if r["language"] == lang)
                want_links = sorted((squeeze(xml_chars(t)), h) for t, h in expected_links(rel))
                check(sorted(links) == want_links, f"{name}: every link, its phrase and its address: {sorted(links)}")
            if lang == "fr":
                check(any("\u00a0" in t or "\u202f" in t for t in got_text), f"{name}: French no-break spaces survive")

            plain = run("pandoc", "-s", "-f", "docx", "-t", "plain", "--wrap=none", docx).decode()
            flat = re.sub(r"[ \n]+", " ", plain)
            check(all(squeeze(re.sub(r"^(- |\d+\. )", "", w)) in flat for w in want), f"{name}: pandoc's plain text holds every paragraph")

            # LibreOffice: the document as text, one paragraph a line.
            profile = os.path.join(tmp, f"lo{n}")
            run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                "--outdir", tmp, docx)
            with open(os.path.join(tmp, f"r{n}.txt"), encoding="utf-8-sig") as f:
                lo = [re.sub(r"^\s*•\s*", "- ", re.sub(r"^\s+(\d+\.) ", r"\1 ", line)) for line in f.read().rstrip("\n").split("\n")]
            lo = [line for line in lo if line not in credits]
            check(lo == want, f"{name}: LibreOffice reads the release's paragraphs exactly"
                  + ("" if lo == want else f"\n     want {want}\n     got  {lo}"))
            if path == bad:
                check(headline.startswith("Ministers <w:p>A</w:p> ]]> &") and "\x01" not in headline,
                      f"hostile: the headline is its literal text: {headline!r}")

    finish("DOCX")


main()
