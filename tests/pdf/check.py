#!/usr/bin/python3
"""The PDF export with real readers, poppler (pdftotext, pdffonts) and pypdf: for the sample
meetings (English, French), the v2 example (sub-headings, lists, block quotes, statements, links;
English and French), a corpus release with captions and credits, a hostile meeting (Typst markup,
HTML, a `javascript:` phrase, control characters) and a stored meeting with a photo's image, on A4
and on US Letter:

- pdftotext gives the release's paragraphs, in order and character for character (no-break
  spaces kept), the paragraphs of the plain text core writes (the text part of the e-mail export);
  nothing else but list bullets and the photos' credits (`© …`);
- pdffonts: every font embedded (a subset of Libertinus Serif);
- pypdf: the document's language (`/Lang`) is the release's, the PDF is tagged (`/MarkInfo`
  `/Marked`, a structure tree), every page is A4 or Letter as asked, the title is the headline,
  the only actions are links to the release's own addresses (no JavaScript, launch or embedded
  file anywhere), and the photo's image is there (alt text in the structure tree).

    tests/pdf/check.py target/debug/communique
"""

import json
import os
import re
import sys
import tempfile

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from exports import CASES, LATER, ROOT, V2, check, expected_links, finish, hostile_meeting, plain_text_and_subject, run  # noqa: E402

PNG = os.path.join(ROOT, "core", "tests", "fixtures", "images", "blue-4x2.png")
# PDF points: (width, height).
PAPER = {"pdf": (595.28, 841.89), "pdf-letter": (612.0, 792.0)}


def flat(s):
    """Text without its white space, no-break spaces included: a PDF has lines, not paragraphs,
    and a line may break where no space stands (after a hyphen, between brackets), so the words
    are compared character for character without the spaces between them; pdftotext writes
    no-break spaces as spaces, so they are counted apart (`nbsp`)."""
    return re.sub(r"\s+", "", s)


def nbsp(s):
    return s.count("\u00a0") + s.count("\u202f")


def wanted(text):
    """The plain text's paragraphs (a list's entries, a quote's byline: lines of their own),
    without the plain text's list markers (the PDF's are its own)."""
    out = []
    for block in text.rstrip("\n").split("\n\n"):
        for line in block.split("\n"):
            out.append(flat(re.sub(r"^(- |\d+\. )", "", line)))
    return [w for w in out if w]


def in_order(got, want):
    """Each wanted paragraph in `got`, in order; between them only bullets, list numbers and
    credits. None, or what went wrong."""
    at = 0
    for w in want:
        i = got.find(w, at)
        if i < 0:
            return f"missing or out of order: {w[:150]!r}…\n     after: {got[at:at + 150]!r}…"
        gap = got[at:i].strip()
        if gap and not re.fullmatch(r"(•|\d+\.|©[^•]*?)+", gap):
            return f"unexpected text before {w[:40]!r}: {gap[:150]!r}"
        at = i + len(w)
    rest = got[at:].strip()
    if rest and not re.fullmatch(r"(©.*)", rest):
        return f"unexpected text at the end: {rest[:150]!r}"
    return None


def resolve(o):
    return o.get_object() if isinstance(o, IndirectObject) else o


def walk(o, seen, out):
    """Every dictionary reachable from `o`."""
    o = resolve(o)
    if id(o) in seen:
        return
    seen.add(id(o))
    if isinstance(o, DictionaryObject):
        out.append(o)
        for k, v in o.items():
            if k not in ("/Parent", "/P", "/Pg"):
                walk(v, seen, out)
    elif isinstance(o, ArrayObject):
        for v in o:
            walk(v, seen, out)


def read_pdf(path, name, format, lang, headline, links):
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    check(str(root.get("/Lang")) == lang, f"{name}: the document's language is {lang}: {root.get('/Lang')}")
    marked = resolve(root.get("/MarkInfo", {})).get("/Marked")
    check(bool(marked) and "/StructTreeRoot" in root, f"{name}: a tagged PDF (structure tree, /Marked)")
    w, h = PAPER[format]
    boxes = {tuple(round(float(x), 2) for x in p.mediabox) for p in reader.pages}
    check(boxes == {(0, 0, w, h)}, f"{name}: every page {format}: {boxes}")
    title = (reader.metadata or {}).get("/Title")
    check(title == headline, f"{name}: the document's title is the headline: {title!r}")
    dicts = []
    walk(reader.trailer, set(), dicts)
    actions = [d for d in dicts if "/S" in d and str(d["/S"]) in ("/URI", "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE")]
    kinds = {str(a["/S"]) for a in actions}
    check(kinds <= {"/URI"}, f"{name}: links only, no other action: {sorted(kinds)}")
    uris = sorted({str(a["/URI"]) for a in actions if str(a["/S"]) == "/URI"})
    check(uris == sorted(set(links)), f"{name}: the links are the release's addresses: {uris}")
    check(not any("/EmbeddedFiles" in d or "/JS" in d or "/AA" in d or "/OpenAction" in d for d in dicts),
          f"{name}: no embedded file, script or automatic action")
    return reader, dicts


def fonts(path, name):
    out = run("pdffonts", path).decode().splitlines()
    rows = [line.split() for line in out[2:]]
    # The columns: name type [type] encoding emb sub uni object ID; "emb" is the 5th from the end.
    embedded = [r[-5] for r in rows]
    check(rows and all(e == "yes" for e in embedded), f"{name}: every font embedded: {[r[0] for r in rows]} {embedded}")
    check(all("Libertinus" in r[0] for r in rows), f"{name}: the fonts are Libertinus Serif's: {[r[0] for r in rows]}")


def text_of(path, name=None):
    """pdftotext's text without the page numbers of a release on several pages (`2 / 3`, the
    last line of each page, which pdftotext writes where the page ends, within a paragraph that
    goes on overleaf); with `name`, checks they count the pages."""
    pages = run("pdftotext", "-enc", "UTF-8", path, "-").decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    numbers, out = [], []
    for page in pages:
        lines = page.rstrip("\n").split("\n")
        if len(pages) > 1 and lines and re.fullmatch(r"\d+ ?/ ?\d+", lines[-1].strip()):
            numbers.append(lines.pop().replace(" ", ""))
        out.append("\n".join(lines))
    if name is not None:
        want = [f"{i}/{len(pages)}" for i in range(1, len(pages) + 1)] if len(pages) > 1 else []
        check(numbers == want, f"{name}: {len(pages)} page(s), numbered {want[:3]}…: {numbers[:3]}…")
    return "\n".join(out)


def release_links(path, lang):
    """The addresses of the links of the release in `lang` of the meeting file at `path`."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    rel = next((r for r in doc.get("releases", []) if r["language"] == lang), {})
    return [address for _, address in expected_links(rel)]


def main():
    cli = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, COMMUNIQUE_NOW=LATER)

        hostile = "#eval(\"1\") #link(\"javascript:alert(1)\")[x] *b* $x$ ] [ <script>x</script> & \"q\" é"
        bad = hostile_meeting(tmp, hostile)
        # A release over several pages, a paragraph going on overleaf.
        with open(V2, encoding="utf-8") as f:
            m = json.load(f)
        m["releases"][0]["lead"][0]["p"].append(" " + " ".join(f"Clause {i} of the plan was read aloud and agreed." for i in range(400)))
        long = os.path.join(tmp, "long.meeting.json")
        with open(long, "w", encoding="utf-8") as f:
            json.dump(m, f, ensure_ascii=False)

        for n, (path, lang) in enumerate(CASES + [(bad, "en"), (long, "en")]):
            text, headline = plain_text_and_subject(cli, path, lang, env)
            links = release_links(path, lang)
            for format in ("pdf", "pdf-letter"):
                name = f"{os.path.basename(path)} ({lang}, {format})"
                pdf = os.path.join(tmp, f"r{n}-{format}.pdf")
                run(cli, "render", path, "--format", format, "--language", lang, "-o", pdf, env=env)
                again = run(cli, "render", path, "--format", format, "--language", lang, env=env)
                with open(pdf, "rb") as f:
                    check(f.read() == again, f"{name}: the same release gives the same bytes")
                got = flat(text_of(pdf, name))
                problem = in_order(got, wanted(text))
                check(problem is None, f"{name}: pdftotext gives the release's paragraphs in order" + (f"\n     {problem}" if problem else ""))
                read_pdf(pdf, name, format, lang, headline, links)
                fonts(pdf, name)
                # The no-break spaces, as the PDF's text (its ToUnicode map) has them.
                spaces = sum(nbsp(p.extract_text()) for p in pypdf.PdfReader(pdf).pages)
                check(spaces == nbsp(text), f"{name}: every no-break space is one in the PDF: {spaces} of {nbsp(text)}")
            if path == bad:
                check(flat(hostile) in got, "hostile: Typst markup and HTML are their literal text")

        # A stored meeting with a photo's image: in the PDF, with its alt text.
        db = os.path.join(tmp, "photos.sqlite3")
        out = run(cli, "--db", db, "import", V2, env=env).decode()
        mid = re.search(r"\d+", out).group(0)
        run(cli, "--db", db, "photo", "add", mid, PNG, "--photo", "blue", "--caption", "Four blue pixels",
            "--alt", "A blue <rectangle> & \"more\"", "--credit", "Ana Ruiz", "--lang", "en", env=env)
        pdf = os.path.join(tmp, "photo.pdf")
        run(cli, "--db", db, "export", mid, "--format", "pdf", "--language", "en", "-o", pdf, env=env)
        headline = plain_text_and_subject(cli, V2, "en", env)[1]
        reader, dicts = read_pdf(pdf, "photo", "pdf", "en", headline, release_links(V2, "en"))
        images = [(int(d["/Width"]), int(d["/Height"])) for d in dicts if str(d.get("/Subtype")) == "/Image"]
        check((4, 2) in images, f"photo: the photo's image, 4 × 2, is in the PDF: {images}")
        alts = [str(d["/Alt"]) for d in dicts if "/Alt" in d]
        check("A blue <rectangle> & \"more\"" in alts, f"photo: the alt text is the figure's: {alts}")
        got = flat(text_of(pdf))
        check(flat("Four blue pixels") in got and flat("© Ana Ruiz") in got, "photo: its caption and its credit")

    finish("PDF")


main()
