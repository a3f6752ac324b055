#!/usr/bin/env python3
"""Communiqué's performance benchmark (run it as scripts/bench). Python 3 standard library only.

Generates its own data (seeded) under target/bench/, builds what it needs, runs each pair
alternately (A B A B …) after one unrecorded warm-up round, and prints medians, ratios, the goal
and PASS/MISS for each measure; the same goes to target/bench/results.json.

  render    `communique render` of a 300-item meeting (2 quotes an item) to HTML, against pandoc
            turning that release's Markdown export into a standalone HTML page (whole processes)
  search    `communique search` for a rare word over 5,000 stored meetings, against ripgrep over
            the same meetings as files; both must find every meeting that holds the word
  import    5,000 meeting files into an empty database (one `communique import`)
  startup   `communique-desktop --smoke` ready time with 1 meeting and with 5,000
  memory    PSS of the app's process tree (WebKit's processes included) with the 300-item meeting
            open, against a minimal Tauri 2 window (bench/minimal-tauri) measured the same way
  typing    keystroke → preview showing it in the 300-item meeting, from the UI's browser test
            (headless Chromium, the JavaScript fake shell)
  typing-real  the same in the real window: the release app under Xvfb (WebKitGTK, the Rust core
            behind Tauri's IPC), driven by WebDriver (bench/typing-real.mjs), typing in an agenda
            item far down and in the headline
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gendata  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
# The binaries are where cargo puts them: CARGO_TARGET_DIR when set (relative to the work tree).
TARGET = ROOT / os.environ.get("CARGO_TARGET_DIR", "target")
CLI = TARGET / "release" / "communique"
APP = TARGET / "release" / "communique-desktop"
MINIMAL_SRC = ROOT / "bench" / "minimal-tauri"
MINIMAL_TARGET = TARGET / "bench-minimal"
MINIMAL_APP = MINIMAL_TARGET / "release" / "bench-minimal-tauri"

MEASURES = ["render", "docx", "pdf", "search", "import", "startup", "memory", "typing", "typing-real"]
# Rounds per measure (each round runs both sides of a pair once), full and --quick. typing-real:
# app starts, each typing TYPING_REAL_KEYS timed letters in each of its two fields.
ROUNDS = {
    "full": {"render": 15, "docx": 15, "pdf": 7, "search": 15, "import": 3, "startup": 9, "memory": 3, "typing": 3, "typing-real": 2},
    "quick": {"render": 5, "docx": 5, "pdf": 2, "search": 5, "import": 1, "startup": 3, "memory": 1, "typing": 1, "typing-real": 1},
}
FULL_MEETINGS, QUICK_MEETINGS = 5000, 500
BIG_ITEMS = 300

# Goals (the "goal" column of README's Performance table).
RENDER_GOAL = 30.0       # communique at least 30× faster than pandoc
DOCX_GOAL = 10.0         # the DOCX export at least 10× faster than pandoc writing DOCX
PDF_GOAL = 10.0          # the PDF export at least 10× faster than LibreOffice converting the DOCX export to PDF
IMPORT_GOAL_S = 10.0     # for 5,000 files (scaled for --quick)
STARTUP_GOAL = 1.2       # 5,000 meetings within 20% of 1 meeting
MEMORY_GOAL = 1.3        # app within 1.3× of the minimal Tauri window
TYPING_GOAL_MS = 50.0    # p95, keystroke → preview showing it
TYPING_REAL_ITEM = 250   # the agenda item typed in, far down the 300
TYPING_REAL_KEYS = 110   # timed letters per field and round

# Memory: a process tree is "settled" once its PSS sum moved less than 1% over 2 s, and not
# before MEM_MIN_WAIT_S (the app shows the 300-item meeting's preview in about a second).
MEM_MIN_WAIT_S, MEM_WINDOW_S, MEM_TOLERANCE, MEM_MAX_WAIT_S, MEM_POLL_S = 6.0, 2.0, 0.01, 40.0, 0.25


class BenchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"bench: {msg}", flush=True)


# ---------------------------------------------------------------------------------------------
# Processes. The bench is a child subreaper (prctl), so whatever its programs leave behind (WebKit
# helpers of an app that exited, a browser's crash handler) is re-parented to it rather than to
# init: it can find, kill and reap all of them, and count their CPU time as its own.

def _become_subreaper() -> None:
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _proc_table(zombies: bool = False) -> dict[int, tuple[int, int, str]]:
    """pid -> (ppid, pgrp, comm) for every live (and, if asked, zombie) process in /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # comm is between the first '(' and the last ')': it may hold spaces or parentheses.
        comm = stat[stat.find("(") + 1: stat.rfind(")")]
        fields = stat[stat.rfind(")") + 2:].split()
        if fields[0] in ("Z", "X") and not zombies:
            continue
        table[int(entry)] = (int(fields[1]), int(fields[2]), comm)
    return table


def _sigkill(pids) -> None:
    """SIGKILL to each of `pids` (gone ones are fine), then a moment for the kernel."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    time.sleep(0.05)


def descendants(pid: int, table: dict | None = None) -> list[int]:
    table = table if table is not None else _proc_table()
    children: dict[int, list[int]] = {}
    for p, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(p)
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _cpu_s(pid: int) -> float:
    """utime + stime of one process (not its children), in seconds."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rfind(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Procs:
    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def spawn(self, argv: list, **kw) -> subprocess.Popen:
        p = subprocess.Popen([str(a) for a in argv], start_new_session=True, **kw)
        self.started.append(p)
        return p

    def reap_strays(self) -> None:
        """Reaps the exited processes re-parented to us (never one a Popen waits for)."""
        mine = {p.pid for p in self.started}
        for pid, (ppid, _, _) in _proc_table(zombies=True).items():
            if ppid == os.getpid() and pid not in mine:
                try:
                    os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    pass

    def kill(self, p: subprocess.Popen, grace: float = 0.0) -> None:
        """Kills p, its descendants and whatever is left in its process group, each by its pid,
        and waits until they are gone. With `grace`, SIGTERM first (Xvfb then removes its lock
        and socket)."""
        if grace and p.poll() is None:
            try:
                p.terminate()
                p.wait(timeout=grace)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                pass
        victims: set[int] = set()
        for _ in range(100):
            table = _proc_table()
            victims = set(descendants(p.pid, table)) if p.poll() is None else set()
            victims |= {pid for pid, (_, pgrp, _) in table.items() if pgrp == p.pid}
            if p.poll() is None:
                victims.add(p.pid)
            victims.discard(os.getpid())
            if not victims:
                break
            _sigkill(victims)
            p.poll()
            self.reap_strays()
        else:
            log(f"warning: processes of {p.args[0]} still alive after SIGKILL: {sorted(victims)}")
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if p in self.started and p.poll() is not None:
            self.started.remove(p)
        self.reap_strays()

    def live_cpu_s(self) -> float:
        """CPU time so far of every live process below us (Xvfb, an app, its helpers)."""
        return sum(_cpu_s(pid) for pid in descendants(os.getpid()))

    def kill_all(self) -> None:
        for p in list(reversed(self.started)):
            self.kill(p, grace=3.0)
        self.started.clear()
        # Anything still below us (re-parented leftovers, in sessions of their own) was ours too.
        for _ in range(50):
            rest = descendants(os.getpid())
            if not rest:
                break
            _sigkill(rest)
            self.reap_strays()


PROCS = Procs()


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


# ---------------------------------------------------------------------------------------------
# Set-up: packages, builds, data, databases.

def sh(argv: list, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in argv], check=True, **kw)


def install_packages(measures: list[str]) -> None:
    # Build deps, Node, npm ci (only what is missing); with --test also WebKitWebDriver and tauri-driver.
    sh([ROOT / "scripts" / "install-deps", *(["--test"] if "typing-real" in measures else [])], cwd=ROOT)
    wanted = {"render": ["pandoc"], "docx": ["pandoc"], "pdf": ["libreoffice-writer-nogui", "poppler-utils"], "search": ["ripgrep"], "startup": ["xvfb"], "memory": ["xvfb"],
              "typing": ["chromium"], "typing-real": ["xvfb", "webkit2gtk-driver"]}
    packages = sorted({p for m in measures for p in wanted.get(m, [])})
    missing = [p for p in packages
               if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True)
               .stdout.find("install ok installed") < 0]
    if missing:
        log(f"apt-get install {' '.join(missing)}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        sh(sudo + ["apt-get", "update", "-qq"])
        sh(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def build(measures: list[str]) -> None:
    # The desktop binary embeds ui/dist: build the UI first. Always both binaries, so that cargo's
    # feature unification is the same every time (no rebuild ping-pong between -p selections).
    log("building the UI (npm --prefix ui run build)")
    sh(["npm", "--prefix", ROOT / "ui", "run", "build", "--silent"], cwd=ROOT, stdout=subprocess.DEVNULL)
    log("building communique and communique-desktop (cargo build --release --locked)")
    sh(["cargo", "build", "--release", "--locked", "-p", "communique-cli", "-p", "communique-desktop"], cwd=ROOT)
    if "memory" in measures:
        log("building the minimal Tauri window (bench/minimal-tauri)")
        sh(["cargo", "build", "--release", "--locked"], cwd=MINIMAL_SRC,
           env={**os.environ, "CARGO_TARGET_DIR": str(MINIMAL_TARGET)})


def need(path: Path, what: str) -> None:
    if not path.exists():
        raise BenchError(f"{path} is missing ({what}); run without --no-build")


class Data:
    """The generated meetings and the databases made from them, cached under target/bench."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.dir = OUT / f"data-{n}"
        self.dbdir = OUT / f"db-{n}"
        self.rare = gendata.generate(self.dir, n)
        self.word = self.rare["word"]
        self.meetings = self.dir / "meetings"
        self.files = sorted(p.name for p in self.meetings.iterdir())
        self.newest = json.loads((self.dir / "newest.json").read_text())["file"]
        self.big = self.dir / "big.meeting.json"
        self.dbdir.mkdir(parents=True, exist_ok=True)
        self.archive_ids: dict[int, str] | None = None

    def _stamp(self) -> dict:
        st = CLI.stat()
        return {"data": json.loads((self.dir / "stamp.json").read_text()), "cli": [st.st_size, st.st_mtime_ns]}

    def import_files(self, db: Path, names: list[str], cwd: Path) -> tuple[float, list[int]]:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        t0 = time.perf_counter()
        r = subprocess.run([str(CLI), "--db", str(db), "import", *names], cwd=cwd, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if r.returncode != 0:
            raise BenchError(f"communique import failed: {r.stderr.strip()}")
        ids = [int(x) for x in r.stdout.split()]
        if len(ids) != len(names):
            raise BenchError(f"communique import printed {len(ids)} ids for {len(names)} files")
        return elapsed, ids

    def adopt_archive(self, db: Path, ids: list[int]) -> None:
        """Keeps a database of all N meetings (e.g. the import measure's last) as the archive."""
        archive = self.dbdir / "archive.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{archive}{suffix}").unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                shutil.move(f"{db}{suffix}", f"{archive}{suffix}")
        self.archive_ids = dict(zip(ids, self.files))
        (self.dbdir / "archive.json").write_text(json.dumps({"stamp": self._stamp(), "ids": self.archive_ids}))

    def archive(self) -> Path:
        archive = self.dbdir / "archive.sqlite3"
        meta = self.dbdir / "archive.json"
        if archive.exists() and meta.exists():
            saved = json.loads(meta.read_text())
            if saved["stamp"] == self._stamp():
                self.archive_ids = {int(k): v for k, v in saved["ids"].items()}
                return archive
        log(f"importing {self.n} meetings into the archive database")
        tmp = self.dbdir / "archive-new.sqlite3"
        _, ids = self.import_files(tmp, self.files, self.meetings)
        self.adopt_archive(tmp, ids)
        return archive

    def small_db(self, name: str, file: Path) -> Path:
        """A database holding one meeting file, made afresh."""
        db = self.dbdir / name
        self.import_files(db, [file.name], file.parent)
        return db


# ---------------------------------------------------------------------------------------------
# Measuring.

def run_timed(argv: list, *, cwd: Path | None = None, env: dict | None = None, timeout: float = 120,
              stdout_to: Path | None = None, fresh: Path | None = None) -> tuple[float, str]:
    """Runs argv to completion; returns its wall time and its standard output (or writes that
    output to `stdout_to`, as a shell redirection would). `fresh` (and `stdout_to`) are deleted
    first, untimed: each run writes a new file, as a user's would (on ext4, rewriting a file
    truncated to zero forces its blocks out at close, which a first write does not)."""
    for f in (fresh, stdout_to):
        if f:
            Path(f).unlink(missing_ok=True)
    sink = open(stdout_to, "wb") if stdout_to else subprocess.PIPE
    try:
        t0 = time.perf_counter()
        r = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, stdout=sink, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
        elapsed = time.perf_counter() - t0
    finally:
        if stdout_to:
            sink.close()
    if r.returncode != 0 and not (argv[0] == "rg" and r.returncode == 1):  # rg: 1 = no match
        raise BenchError(f"{' '.join(map(str, argv[:3]))}… exited {r.returncode}: {r.stderr.strip()[:500]}")
    return elapsed, r.stdout or ""


def alternate(sides: dict, rounds: int) -> dict[str, list]:
    """sides: name -> function() returning a sample. One warm-up round, then `rounds` rounds,
    the sides in turn (A B A B …). Returns name -> samples."""
    samples: dict[str, list] = {k: [] for k in sides}
    for r in range(rounds + 1):
        for name, fn in sides.items():
            s = fn()
            if r > 0:
                samples[name].append(s)
    return samples


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def fmt_ms(s: float) -> str:
    ms = s * 1000
    return f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def fmt_s(s: float) -> str:
    return f"{s:.2f} s"


def times_faster(ours: float, theirs: float) -> tuple[float, str]:
    """ratio = slower / faster, worded from communique's side."""
    if ours <= theirs:
        r = theirs / ours
        return r, f"{r:.1f}× faster"
    r = ours / theirs
    return r, f"{r:.1f}× slower"


def measure_render(data: Data, rounds: int) -> dict:
    out = OUT / "out"
    out.mkdir(parents=True, exist_ok=True)
    md = out / "big.md"
    sh([CLI, "render", data.big, "--format", "md", "-o", md])
    html_ours, html_pandoc = out / "big.communique.html", out / "big.pandoc.html"
    ours = [CLI, "render", data.big, "--format", "html", "-o", html_ours]
    pandoc = ["pandoc", "-s", "-f", "markdown", "-t", "html5", md, "-o", html_pandoc]
    # Not judged, to show the cost of -o's atomic write (temporary file, fsync, rename): the same
    # render to standard output, redirected to a new file.
    ours_stdout = [CLI, "render", data.big, "--format", "html"]
    html_stdout = out / "big.communique-stdout.html"
    s = alternate({"communique": lambda: run_timed(ours, fresh=html_ours)[0],
                   "pandoc": lambda: run_timed(pandoc, fresh=html_pandoc)[0],
                   "communique_stdout": lambda: run_timed(ours_stdout, stdout_to=html_stdout)[0]}, rounds)
    a, b = med(s["communique"]), med(s["pandoc"])
    if html_stdout.read_bytes() != html_ours.read_bytes():
        raise BenchError("communique render: -o and standard output differ")
    paragraphs = [len(re.findall(r"<p[ >]", f.read_text(encoding="utf-8"))) for f in (html_ours, html_pandoc)]
    ratio, words = times_faster(a, b)
    ok = a < b and ratio >= RENDER_GOAL
    return {
        "ours": fmt_ms(a), "theirs": f"pandoc {fmt_ms(b)}", "ratio": words, "goal": f"≥ {RENDER_GOAL:.0f}× faster",
        "pass": ok,
        "detail": f"communique render big.meeting.json --format html ({BIG_ITEMS} items, 2 quotes each; "
                  f"{paragraphs[0]} <p>) vs pandoc -s -f markdown -t html5 on its Markdown export "
                  f"({md.stat().st_size // 1024} KiB; {paragraphs[1]} <p>). Not judged: communique to "
                  f"standard output instead of -o (no fsync) {fmt_ms(med(s['communique_stdout']))}, "
                  f"{b / med(s['communique_stdout']):.1f}× faster than pandoc",
        "median_s": {"communique": a, "pandoc": b, "communique_stdout": med(s["communique_stdout"])}, "ratio_value": b / a, "samples_s": s,
        "commands": {"communique": " ".join(map(str, ours)), "pandoc": " ".join(map(str, pandoc)),
                     "communique_stdout": " ".join(map(str, ours_stdout)) + f" > {html_stdout}"},
    }


def docx_paragraphs(path: Path) -> int:
    """The paragraphs of a .docx's main document (`<w:p>` and `<w:p …>`)."""
    with zipfile.ZipFile(path) as z:
        return len(re.findall(rb"<w:p[ >]", z.read("word/document.xml")))


def pdf_pages(path: Path) -> int:
    """A PDF's page count, as pdfinfo reads it."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def measure_pdf(data: Data, rounds: int) -> dict:
    """The PDF export against LibreOffice (headless) converting the DOCX export of the same
    release to PDF: the other way a press office gets a PDF of its Word draft."""
    out = OUT / "out"
    out.mkdir(parents=True, exist_ok=True)
    docx = out / "big.communique.docx"
    sh([CLI, "render", data.big, "--format", "docx", "-o", docx])
    ours_pdf = out / "big.communique.pdf"
    lo_dir = out / "lo"
    lo_dir.mkdir(exist_ok=True)
    lo_pdf = lo_dir / "big.communique.pdf"
    profile = OUT / "lo-profile"
    ours = [CLI, "render", data.big, "--format", "pdf", "-o", ours_pdf]
    office = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
              "--outdir", lo_dir, docx]
    # LibreOffice's first start creates its profile: untimed, so each timed run is a warm start.
    run_timed(office, fresh=lo_pdf, timeout=600)
    s = alternate({"communique": lambda: run_timed(ours, fresh=ours_pdf)[0],
                   "libreoffice": lambda: run_timed(office, fresh=lo_pdf, timeout=600)[0]}, rounds)
    a, b = med(s["communique"]), med(s["libreoffice"])
    pages = [pdf_pages(f) for f in (ours_pdf, lo_pdf)]
    ratio, words = times_faster(a, b)
    ok = a < b and ratio >= PDF_GOAL
    return {
        "ours": fmt_ms(a), "theirs": f"LibreOffice {fmt_ms(b)}", "ratio": words, "goal": f"≥ {PDF_GOAL:.0f}× faster",
        "pass": ok,
        "detail": f"communique render big.meeting.json --format pdf ({BIG_ITEMS} items, 2 quotes each; "
                  f"{ours_pdf.stat().st_size // 1024} KiB, {pages[0]} pages) vs soffice --headless --convert-to pdf "
                  f"on its DOCX export ({docx.stat().st_size // 1024} KiB; {lo_pdf.stat().st_size // 1024} KiB, "
                  f"{pages[1]} pages)",
        "median_s": {"communique": a, "libreoffice": b}, "ratio_value": b / a, "samples_s": s,
        "commands": {"communique": " ".join(map(str, ours)), "libreoffice": " ".join(map(str, office))},
    }


def measure_docx(data: Data, rounds: int) -> dict:
    out = OUT / "out"
    out.mkdir(parents=True, exist_ok=True)
    md = out / "big.md"
    sh([CLI, "render", data.big, "--format", "md", "-o", md])
    docx_ours, docx_pandoc = out / "big.communique.docx", out / "big.pandoc.docx"
    ours = [CLI, "render", data.big, "--format", "docx", "-o", docx_ours]
    pandoc = ["pandoc", "-f", "markdown", "-t", "docx", md, "-o", docx_pandoc]
    s = alternate({"communique": lambda: run_timed(ours, fresh=docx_ours)[0],
                   "pandoc": lambda: run_timed(pandoc, fresh=docx_pandoc)[0]}, rounds)
    a, b = med(s["communique"]), med(s["pandoc"])
    paragraphs = [docx_paragraphs(f) for f in (docx_ours, docx_pandoc)]
    ratio, words = times_faster(a, b)
    ok = a < b and ratio >= DOCX_GOAL
    return {
        "ours": fmt_ms(a), "theirs": f"pandoc {fmt_ms(b)}", "ratio": words, "goal": f"≥ {DOCX_GOAL:.0f}× faster",
        "pass": ok,
        "detail": f"communique render big.meeting.json --format docx ({BIG_ITEMS} items, 2 quotes each; "
                  f"{docx_ours.stat().st_size // 1024} KiB, {paragraphs[0]} paragraphs) vs pandoc -f markdown "
                  f"-t docx on its Markdown export ({md.stat().st_size // 1024} KiB; "
                  f"{docx_pandoc.stat().st_size // 1024} KiB, {paragraphs[1]} paragraphs)",
        "median_s": {"communique": a, "pandoc": b}, "ratio_value": b / a, "samples_s": s,
        "commands": {"communique": " ".join(map(str, ours)), "pandoc": " ".join(map(str, pandoc))},
    }


def measure_search(data: Data, rounds: int) -> dict:
    archive = data.archive()
    expected = set(data.rare["files"])
    ours = [CLI, "--db", archive, "search", data.word]
    rg = ["rg", "-l", "-i", "-F", "--no-ignore", data.word, data.meetings]
    found: dict[str, list[set]] = {"communique": [], "rg": []}

    def run_ours() -> float:
        t, stdout = run_timed(ours)
        ids = [int(line.split("\t", 1)[0]) for line in stdout.splitlines() if line.strip()]
        found["communique"].append({data.archive_ids.get(i, f"id {i}") for i in ids})
        return t

    def run_rg() -> float:
        t, stdout = run_timed(rg)
        found["rg"].append({Path(line).name for line in stdout.splitlines() if line.strip()})
        return t

    s = alternate({"communique": run_ours, "rg": run_rg}, rounds)
    a, b = med(s["communique"]), med(s["rg"])
    every = {k: all(f == expected for f in v) for k, v in found.items()}
    last = {k: sorted(v[-1]) for k, v in found.items()}
    ratio, words = times_faster(a, b)
    n = len(expected)
    got = {k: len(expected & set(v)) for k, v in last.items()}
    return {
        "ours": f"{fmt_ms(a)} ({got['communique']}/{n} found)",
        "theirs": f"rg {fmt_ms(b)} ({got['rg']}/{n} found)",
        "ratio": words, "goal": "faster, every match", "pass": a < b and every["communique"],
        "detail": f"communique search {data.word} over {data.n:,} stored meetings vs rg -l -i -F over the same "
                  f"{data.n:,} meeting files ({_du(data.meetings)}); the word is in {n} of them "
                  f"(title, agenda title, summary, quote, notes, lead, caption)",
        "median_s": {"communique": a, "rg": b}, "ratio_value": b / a, "samples_s": s,
        "expected": sorted(expected), "found_last_round": last, "exact_every_round": every,
        "commands": {"communique": " ".join(map(str, ours)), "rg": " ".join(map(str, rg))},
    }


def _du(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.iterdir())
    return f"{total / 2**20:.0f} MiB"


def measure_import(data: Data, rounds: int) -> dict:
    db = data.dbdir / "import.sqlite3"
    samples = []
    ids: list[int] = []
    for _ in range(rounds):
        t, ids = data.import_files(db, data.files, data.meetings)
        samples.append(t)
    data.adopt_archive(db, ids)
    a = med(samples)
    goal = IMPORT_GOAL_S * data.n / FULL_MEETINGS
    size = (data.dbdir / "archive.sqlite3").stat().st_size
    return {
        "ours": f"{fmt_s(a)} ({a / data.n * 1000:.2f} ms/file)", "theirs": "—", "ratio": "—",
        "goal": f"< {goal:g} s" + ("" if data.n == FULL_MEETINGS else f" ({data.n:,} files)"), "pass": a < goal,
        "detail": f"communique import of {data.n:,} meeting files into an empty database, one process, one "
                  f"transaction each (database {size / 2**20:.0f} MiB); no warm-up round",
        "median_s": {"communique": a}, "samples_s": {"communique": samples}, "goal_s": goal,
    }


class Display:
    """An Xvfb of our own on a free display number."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.name = ""

    def start(self) -> str:
        if self.proc and self.proc.poll() is None:
            return self.name
        for n in range(77, 200):
            if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
                continue
            logf = open(OUT / "logs" / "xvfb.log", "wb")
            self.proc = PROCS.spawn(["Xvfb", f":{n}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                                    stdout=logf, stderr=logf)
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{n}").exists() or self.proc.poll() is not None:
                    break
                time.sleep(0.05)
            if self.proc.poll() is None and Path(f"/tmp/.X11-unix/X{n}").exists():
                self.name = f":{n}"
                log(f"Xvfb on {self.name}")
                return self.name
            PROCS.kill(self.proc)
        raise BenchError("could not start Xvfb on a free display")


DISPLAY = Display()


def app_env(db: Path | None) -> dict:
    """The apps' environment: our Xvfb, and configuration/data homes of their own, emptied
    before each start (window state, WebView storage), so every run starts alike."""
    home = OUT / "home"
    for sub in ("config", "data"):
        shutil.rmtree(home / sub, ignore_errors=True)
        (home / sub).mkdir(parents=True)
    env = {**os.environ, "DISPLAY": DISPLAY.start(), "WEBKIT_DISABLE_COMPOSITING_MODE": "1", "GDK_BACKEND": "x11",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    env.pop("WAYLAND_DISPLAY", None)
    if db is not None:
        env["COMMUNIQUE_DB"] = str(db)
    else:
        env.pop("COMMUNIQUE_DB", None)
    return env


def smoke(db: Path, label: str) -> dict:
    """One `communique-desktop --smoke`: its report, and the whole process's wall time."""
    logf = open(OUT / "logs" / f"smoke-{label}.log", "ab")
    env = app_env(db)
    t0 = time.perf_counter()
    p = PROCS.spawn([APP, "--smoke"], env=env, stdout=subprocess.PIPE, stderr=logf)
    try:
        stdout, _ = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        raise BenchError(f"communique-desktop --smoke ({label}) did not finish in 120 s") from None
    finally:
        wall = time.perf_counter() - t0
        PROCS.kill(p)
        logf.close()
    lines = [line for line in stdout.decode(errors="replace").splitlines() if line.startswith("{")]
    if p.returncode != 0 or not lines:
        raise BenchError(f"communique-desktop --smoke ({label}) exited {p.returncode} without a report; "
                         f"see {logf.name}")
    report = json.loads(lines[-1])
    report["wall_s"] = wall
    return report


def measure_startup(data: Data, rounds: int) -> dict:
    need(APP, "communique-desktop")
    archive = data.archive()
    many = data.dbdir / "startup-many.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # a copy: the app must not touch the search archive
        Path(f"{many}{suffix}").unlink(missing_ok=True)
        if Path(f"{archive}{suffix}").exists():
            shutil.copyfile(f"{archive}{suffix}", f"{many}{suffix}")
    one = data.small_db("startup-one.sqlite3", data.meetings / data.newest)
    s = alternate({"one": lambda: smoke(one, "one"), "many": lambda: smoke(many, f"{data.n}")}, rounds)
    for label, want in (("one", 1), ("many", data.n)):
        bad = [r for r in s[label] if r.get("meetings") != want]
        if bad:
            raise BenchError(f"--smoke on the {label} database reported {bad[0].get('meetings')} meetings, not {want}")
    ready = {k: [r["ready_ms"] / 1000 for r in v] for k, v in s.items()}
    wall = {k: [r["wall_s"] for r in v] for k, v in s.items()}
    a, b = med(ready["one"]), med(ready["many"])
    ratio = max(a, b) / min(a, b)
    return {
        "ours": f"1 meeting: {fmt_ms(a)}", "theirs": f"{data.n:,}: {fmt_ms(b)}", "ratio": f"{ratio:.2f}×",
        "goal": f"within {STARTUP_GOAL:.1f}×", "pass": ratio <= STARTUP_GOAL,
        "detail": f"communique-desktop --smoke under Xvfb, ready_ms (process start → list and latest meeting's "
                  f"preview shown); whole process {fmt_ms(med(wall['one']))} vs {fmt_ms(med(wall['many']))}; "
                  f"preview paragraphs {s['one'][0].get('preview_paragraphs')} / {s['many'][0].get('preview_paragraphs')}",
        "median_s": {"one": a, "many": b}, "ratio_value": ratio,
        "median_wall_s": {"one": med(wall["one"]), "many": med(wall["many"])},
        "samples_ready_s": ready, "samples_wall_s": wall,
    }


def _smaps_kib(pid: int) -> dict[str, int]:
    """Pss, Rss and Uss (private pages) of one process, in KiB, from /proc/PID/smaps_rollup."""
    got = {"pss": 0, "rss": 0, "uss": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Pss", "Rss"):
                got[key.lower()] = int(rest.split()[0])
            elif key in ("Private_Clean", "Private_Dirty"):
                got["uss"] += int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return got


class CpuWatch:
    """How much of the CPUs other programs used while we measured: all busy time (/proc/stat)
    less our own, our reaped descendants' (os.times; we are their subreaper) and what our live
    ones (Xvfb, an app) have used so far."""

    def __init__(self) -> None:
        self.start = self._snap()

    @staticmethod
    def _snap() -> tuple[float, float, float]:
        PROCS.reap_strays()
        v = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        busy = (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
        t = os.times()
        return time.perf_counter(), busy, t.user + t.system + t.children_user + t.children_system + PROCS.live_cpu_s()

    def others(self) -> float:
        w0, b0, o0 = self.start
        w1, b1, o1 = self._snap()
        return max(0.0, ((b1 - b0) - (o1 - o0)) / max(1e-9, (w1 - w0) * (os.cpu_count() or 1)))


def wait_quiet(max_wait: float) -> float:
    """Waits (up to max_wait seconds) until the CPUs are less than 15% busy over 3 s; returns the last share."""
    deadline = time.perf_counter() + max_wait
    busy = cpu_busy(1.0)
    while busy >= 0.15 and time.perf_counter() < deadline:
        busy = cpu_busy(3.0)
    return busy


def cpu_busy(seconds: float = 2.0) -> float:
    """The share of all CPUs busy over the next `seconds` (from /proc/stat)."""
    def snap():
        v = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(v), v[3] + v[4]  # total, idle + iowait
    t1, i1 = snap()
    time.sleep(seconds)
    t2, i2 = snap()
    return 1 - (i2 - i1) / max(1, t2 - t1)


def settled_pss(argv: list, env: dict, label: str) -> dict:
    """Starts argv, waits until its process tree's PSS sum is stable, returns it, kills the tree."""
    logf = open(OUT / "logs" / f"memory-{label}.log", "ab")
    p = PROCS.spawn(argv, env=env, stdout=logf, stderr=logf)
    t0 = time.perf_counter()
    history: list[tuple[float, int]] = []
    foreign: set[int] = set()
    settled = False
    try:
        while True:
            time.sleep(MEM_POLL_S)
            if p.poll() is not None:
                raise BenchError(f"{argv[0]} exited early ({p.returncode}); see {logf.name}")
            table = _proc_table()
            pids = [p.pid] + descendants(p.pid, table)
            per = {pid: _smaps_kib(pid) for pid in pids}
            total = sum(x["pss"] for x in per.values())
            # Another program's WebKit (a test, a browser) shares libwebkit2gtk's pages and so
            # lowers our PSS: note it, the figure is then less comparable.
            foreign_now = {pid for pid, (_, _, comm) in table.items() if comm.startswith("WebKit") and pid not in per}
            foreign |= foreign_now
            now = time.perf_counter() - t0
            history.append((now, total))
            has_web = any(table.get(pid, (0, 0, ""))[2].startswith("WebKitWebProces") for pid in pids)
            recent = [v for t, v in history if t >= now - MEM_WINDOW_S]
            if (now >= MEM_MIN_WAIT_S and has_web and len(recent) >= MEM_WINDOW_S / MEM_POLL_S
                    and max(recent) - min(recent) <= MEM_TOLERANCE * max(recent)):
                settled = True
                break
            if now >= MEM_MAX_WAIT_S:
                break
        processes: dict[str, int] = {}
        for pid, kib in per.items():
            name = table.get(pid, (0, 0, "?"))[2]
            processes[name] = processes.get(name, 0) + kib["pss"]
        return {"pss_kib": total, "rss_kib": sum(x["rss"] for x in per.values()),
                "uss_kib": sum(x["uss"] for x in per.values()), "processes_pss_kib": processes,
                "after_s": round(now, 2), "settled": settled, "foreign_webkit_processes": len(foreign)}
    finally:
        PROCS.kill(p, grace=2.0)
        logf.close()


def measure_memory(data: Data, rounds: int) -> dict:
    need(APP, "communique-desktop")
    need(MINIMAL_APP, "the minimal Tauri window")
    db = data.small_db("memory.sqlite3", data.big)
    check = smoke(db, "memory")  # the app opens the 300-item meeting and shows its preview
    s = alternate({"app": lambda: settled_pss([APP], app_env(db), "app"),
                   "minimal": lambda: settled_pss([MINIMAL_APP], app_env(None), "minimal")}, rounds)
    kib = {k: [r["pss_kib"] for r in v] for k, v in s.items()}
    a, b = med(kib["app"]), med(kib["minimal"])
    ratio = a / b
    mib = lambda k: f"{k / 1024:.0f} MiB"  # noqa: E731
    last = {k: v[-1]["processes_pss_kib"] for k, v in s.items()}
    uss = {k: med([r["uss_kib"] for r in v]) for k, v in s.items()}
    foreign = max(r["foreign_webkit_processes"] for v in s.values() for r in v)
    breakdown = {k: ", ".join(f"{n} {mib(x)}" for n, x in sorted(v.items(), key=lambda kv: -kv[1])) for k, v in last.items()}
    unsettled = sum(not r["settled"] for v in s.values() for r in v)
    return {
        "ours": f"app {mib(a)}", "theirs": f"minimal {mib(b)}", "ratio": f"{ratio:.2f}×",
        "goal": f"≤ {MEMORY_GOAL:.1f}×", "pass": ratio <= MEMORY_GOAL,
        "detail": f"PSS summed over each process tree once settled (<1% change over 2 s, ≥ {MEM_MIN_WAIT_S:g} s), "
                  f"the 300-item meeting open (--smoke: {check.get('preview_paragraphs')} preview paragraphs, "
                  f"ready {check.get('ready_ms')} ms). app: {breakdown['app']}. minimal: {breakdown['minimal']}"
                  + f". Private memory (USS) {mib(uss['app'])} vs {mib(uss['minimal'])}"
                  + (f". {unsettled} run(s) never settled within {MEM_MAX_WAIT_S:g} s" if unsettled else "")
                  + (f". Other WebKit processes were running ({foreign}): PSS is lower than alone" if foreign else ""),
        "median_kib": {"app": a, "minimal": b}, "ratio_value": ratio, "samples": s,
    }


TYPING_RE = re.compile(r"keystroke → preview[^:]*:\s*p50 ([\d.]+) ms, p95 ([\d.]+) ms")
PAINT_RE = re.compile(r"keystroke → next paint[^:]*:\s*p50 ([\d.]+) ms, p95 ([\d.]+) ms")


def measure_typing(_data: Data, rounds: int) -> dict:
    ui = ROOT / "ui"
    need(ui / "dist" / "index.html", "ui/dist")
    runs = []
    for i in range(rounds):
        p = PROCS.spawn(["node", "tests/browser/run.mjs", "300 items", "--no-build"], cwd=ui,
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            out, _ = p.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            raise BenchError("the browser test did not finish in 300 s") from None
        finally:
            PROCS.kill(p)
        text = out.decode(errors="replace")
        (OUT / "logs" / f"typing-{i + 1}.log").write_text(text)
        m = TYPING_RE.search(text)
        if p.returncode != 0 or not m:
            raise BenchError(f"browser test '300 items' failed or printed no latency (exit {p.returncode}); "
                             f"see {OUT / 'logs' / f'typing-{i + 1}.log'}")
        paint = PAINT_RE.search(text)
        runs.append({"p50_ms": float(m.group(1)), "p95_ms": float(m.group(2)),
                     "paint_p50_ms": float(paint.group(1)) if paint else None,
                     "paint_p95_ms": float(paint.group(2)) if paint else None,
                     "line": text[m.start():text.find("\n", m.start())].strip()})
    p50, p95 = med([r["p50_ms"] for r in runs]), med([r["p95_ms"] for r in runs])
    paints = [r["paint_p95_ms"] for r in runs if r["paint_p95_ms"] is not None]
    return {
        "ours": f"p95 {p95:.0f} ms (p50 {p50:.0f})", "theirs": "—", "ratio": "—",
        "goal": f"p95 < {TYPING_GOAL_MS:.0f} ms", "pass": p95 < TYPING_GOAL_MS,
        "detail": f"ui browser test '300 items' (headless Chromium, fake shell), 30 keys one at a time, median over "
                  f"{len(runs)} run(s); it printed: {runs[-1]['line']}"
                  + (f"; keystroke → next paint p95 {med(paints):.0f} ms" if paints else ""),
        "median_ms": {"p50": p50, "p95": p95}, "runs": runs,
    }


def pct(values: list[float], p: float) -> float:
    """The p-th percentile, nearest rank (as the UI's browser test computes it)."""
    xs = sorted(values)
    return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]


def measure_typing_real(data: Data, rounds: int) -> dict:
    need(APP, "communique-desktop")
    for tool in ("node", "tauri-driver", "WebKitWebDriver"):
        if not shutil.which(tool):
            raise BenchError(f"{tool} is missing (scripts/install-deps --test installs it)")
    runs = []
    for i in range(rounds):
        db = data.small_db("typing-real.sqlite3", data.big)  # afresh: the last round's typing was saved
        logf = OUT / "logs" / f"typing-real-{i + 1}.log"
        with open(logf, "wb") as err:
            p = PROCS.spawn(["node", ROOT / "bench" / "typing-real.mjs", "--app", APP, "--item", TYPING_REAL_ITEM,
                             "--keys", TYPING_REAL_KEYS], cwd=ROOT, env=app_env(db), stdout=subprocess.PIPE, stderr=err)
            try:
                out, _ = p.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                raise BenchError(f"bench/typing-real.mjs did not finish in 600 s; see {logf}") from None
            finally:
                PROCS.kill(p)
        lines = [line for line in out.decode(errors="replace").splitlines() if line.startswith("{")]
        if p.returncode != 0 or not lines:
            raise BenchError(f"bench/typing-real.mjs exited {p.returncode} without figures; see {logf}")
        runs.append(json.loads(lines[-1]))
    fields = {}
    for name in ("item", "headline"):
        samples = [x for r in runs for x in r["fields"][name]]
        stage = lambda key: [x[key] for x in samples if x[key] is not None]  # noqa: E731
        fields[name] = {
            "keys": len(samples),
            "p50_ms": pct(stage("shown_ms"), 50), "p95_ms": pct(stage("shown_ms"), 95),
            "frame_p50_ms": pct(stage("frame_ms"), 50), "frame_p95_ms": pct(stage("frame_ms"), 95),
            "max_ms": max(stage("shown_ms")),
            "stages_p50_ms": {k: (pct(stage(k), 50) if stage(k) else None) for k in ("ui_before_ms", "ipc_ms", "ui_after_ms")},
            "request_bytes": max(stage("request_bytes"), default=0),
        }
    worst = max(f["p95_ms"] for f in fields.values())
    f = lambda x: "—" if x is None else f"{x:.1f}"  # noqa: E731
    words = {"item": f"item {TYPING_REAL_ITEM}", "headline": "headline"}
    return {
        "ours": "; ".join(f"{words[k]}: p95 {v['p95_ms']:.0f} ms (p50 {v['p50_ms']:.0f})" for k, v in fields.items()),
        "theirs": "—", "ratio": "—", "goal": f"p95 < {TYPING_GOAL_MS:.0f} ms", "pass": worst < TYPING_GOAL_MS,
        "detail": f"release communique-desktop under Xvfb (WebKitGTK, WEBKIT_DISABLE_COMPOSITING_MODE=1), the {BIG_ITEMS}-item "
                  f"meeting, WebDriver (tauri-driver) sending one key at a time; in the page, keydown → the preview's "
                  f"shadow root holding the text typed (MutationObserver); {len(runs)} app start(s), "
                  + "; ".join(f"{words[k]} {v['keys']} keys: p50 {f(v['p50_ms'])} ms, p95 {f(v['p95_ms'])} ms, "
                              f"max {f(v['max_ms'])} ms, to the next frame p95 {f(v['frame_p95_ms'])} ms; stages (p50) "
                              f"before the request {f(v['stages_p50_ms']['ui_before_ms'])} ms, request → answer "
                              f"{f(v['stages_p50_ms']['ipc_ms'])} ms, answer → shown {f(v['stages_p50_ms']['ui_after_ms'])} ms, "
                              f"request {v['request_bytes'] / 1024:.0f} KiB" for k, v in fields.items()),
        "median_ms": {k: {"p50": v["p50_ms"], "p95": v["p95_ms"]} for k, v in fields.items()},
        "fields": fields, "runs": runs,
    }


# ---------------------------------------------------------------------------------------------

LABELS = {"render": "render", "docx": "docx", "pdf": "pdf", "search": "search", "import": "import", "startup": "start-up",
          "memory": "memory", "typing": "typing", "typing-real": "typing (real window)"}


def table(results: dict) -> str:
    head = ["measure", "communiqué", "against", "ratio", "goal", "result"]
    rows = []
    for m in MEASURES:
        if m not in results:
            continue
        r = results[m]
        if "error" in r:
            rows.append([LABELS[m], "—", "—", "—", "—", "ERROR"])
        else:
            rows.append([LABELS[m], r["ours"], r["theirs"], r["ratio"], r["goal"], "PASS" if r["pass"] else "MISS"])
    widths = [max(len(x[i]) for x in [head] + rows) for i in range(len(head))]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(head), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append("")
    for m in MEASURES:
        if m in results:
            r = results[m]
            out.append(f"{LABELS[m]}: {r['error'] if 'error' in r else r['detail']}")
    noisy = [f"{LABELS[m]} {results[m]['other_programs_cpu']:.0%}" for m in MEASURES
             if results.get(m, {}).get("other_programs_cpu", 0) >= 0.10]
    if noisy:
        out.append("")
        out.append(f"note: other programs used the CPUs meanwhile ({', '.join(noisy)} of the CPUs' time): "
                   "those figures are noisy; run again on a quiet machine")
    return "\n".join(out)


def environment() -> dict:
    def version(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=20).stdout.splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return None
    git = lambda *a: subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()  # noqa: E731
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(), "kernel": platform.release(), "loadavg_at_end": list(os.getloadavg()),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "pandoc": version(["pandoc", "--version"]), "ripgrep": version(["rg", "--version"]),
        "chromium": version(["chromium", "--version"]),
    }


def main() -> int:
    ap = argparse.ArgumentParser(prog="scripts/bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help=f"a smoke run: {QUICK_MEETINGS} meetings instead of {FULL_MEETINGS:,}, fewer rounds")
    ap.add_argument("--only", default=",".join(MEASURES), help=f"comma-separated, from: {','.join(MEASURES)}")
    ap.add_argument("--rounds", type=int, help="rounds for every measure (overrides the defaults)")
    ap.add_argument("--meetings", type=int, help="size of the archive (default 5,000; 500 with --quick)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries and ui/dist as they are; install nothing")
    ap.add_argument("--wait-quiet", type=float, default=60, metavar="SECONDS",
                    help="before each measure, wait up to this long for the CPUs to be quiet (default 60; 0: never)")
    a = ap.parse_args()
    measures = [m.strip() for m in a.only.split(",") if m.strip()]
    measures = ["startup" if m == "start-up" else m for m in measures]
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        ap.error(f"unknown measure(s) {', '.join(unknown)}; choose from {', '.join(MEASURES)}")
    mode = "quick" if a.quick else "full"
    rounds = {m: a.rounds or ROUNDS[mode][m] for m in MEASURES}
    n = a.meetings or (QUICK_MEETINGS if a.quick else FULL_MEETINGS)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    _become_subreaper()
    (OUT / "logs").mkdir(parents=True, exist_ok=True)
    results: dict = {}
    try:
        if not a.no_build:
            install_packages(measures)
            build(measures)
        need(CLI, "communique")
        log(f"data: {n:,} meetings + one of {BIG_ITEMS} items under {OUT.relative_to(ROOT)}/data-{n}")
        data = Data(n)
        fns = {"render": measure_render, "docx": measure_docx, "pdf": measure_pdf, "search": measure_search, "import": measure_import,
               "startup": measure_startup, "memory": measure_memory, "typing": measure_typing,
               "typing-real": measure_typing_real}
        # import first: its last database becomes the archive that search and start-up use.
        for m in sorted(measures, key=lambda x: (x != "import", MEASURES.index(x))):
            if a.wait_quiet > 0:
                busy = wait_quiet(a.wait_quiet)
                if busy >= 0.15:
                    log(f"warning: the machine is busy ({busy:.0%} of the CPUs), going on anyway")
            log(f"{LABELS[m]}: {rounds[m]} round(s)")
            t0 = time.perf_counter()
            watch = CpuWatch()
            try:
                results[m] = fns[m](data, rounds[m])
            except (BenchError, subprocess.SubprocessError, OSError) as e:
                results[m] = {"error": str(e), "pass": False}
                log(f"{LABELS[m]}: ERROR: {e}")
            results[m]["took_s"] = round(time.perf_counter() - t0, 1)
            results[m]["other_programs_cpu"] = round(watch.others(), 3)
    finally:
        PROCS.kill_all()

    report = {"environment": environment(), "mode": mode, "meetings": n, "rounds": {m: rounds[m] for m in measures},
              "results": results}
    (OUT / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    env = report["environment"]
    print()
    print(f"Communiqué benchmark, {env['date']}: {env['cpus']} CPUs, {n:,} meetings, {mode} "
          f"({', '.join(f'{LABELS[m]} {rounds[m]}' for m in measures)} rounds; medians)")
    print()
    print(table(results))
    print()
    print(f"(also in {(OUT / 'results.json').relative_to(ROOT)})")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
