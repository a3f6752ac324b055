"""Deterministic test data for scripts/bench (Python 3 standard library only).

Writes, under a folder of the caller's choosing:
  big.meeting.json     one meeting of 300 agenda items, two quotes an item (the newest date of all)
  meetings/mNNNNN.json N varied meetings (English and French); the rare word appears in exactly
                       RARE_COUNT of them, in a different searchable field each time
  newest.json          the name of the newest of those N meetings (what the app opens at start)
  rare.json            the rare word and the names of the files that contain it
  stamp.json           what was generated (seed, count, this file's hash), to skip regeneration

Run alone: python3 bench/gendata.py OUT_DIR [--meetings N] [--seed S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
from pathlib import Path

SEED = 20261127
RARE_WORD = "quillbrook"
RARE_COUNT = 7

# ---------------------------------------------------------------------------------------------
# Vocabulary (written for this benchmark).

ORGS_EN = [
    "Alpine Rivers Commission", "Northern Ports Authority", "Council of Coastal Towns",
    "European Rail Forum", "League of Mountain Villages", "Baltic Fisheries Board",
    "Union of Rural Libraries", "Danube Transport Council", "Federation of Small Airports",
    "Atlantic Energy Partnership", "Assembly of Island Regions", "Forest Stewardship Council",
    "Conference of River Cities", "Nordic Water Network", "Board of Public Broadcasters",
]
ORGS_FR = [
    "Commission des fleuves alpins", "Conseil des villes côtières", "Union des bibliothèques rurales",
    "Autorité des ports du Nord", "Assemblée des régions insulaires", "Fédération des petits aéroports",
    "Conseil du transport danubien", "Réseau des villes fluviales",
]
CITIES = [
    ("Geneva", "Europe/Zurich"), ("Brussels", "Europe/Brussels"), ("Lisbon", "Europe/Lisbon"),
    ("Vienna", "Europe/Vienna"), ("Tallinn", "Europe/Tallinn"), ("Ljubljana", "Europe/Ljubljana"),
    ("Lyon", "Europe/Paris"), ("Bergen", "Europe/Oslo"), ("Porto", "Europe/Lisbon"),
    ("Gdańsk", "Europe/Warsaw"), ("Montréal", "America/Toronto"), ("Dakar", "Africa/Dakar"),
    ("Helsinki", "Europe/Helsinki"), ("Strasbourg", "Europe/Paris"), ("Valletta", "Europe/Malta"),
]
FIRST = [
    "Lucia", "Anton", "Mira", "Jonas", "Elena", "Tomás", "Ingrid", "Karim", "Sofia", "Pieter",
    "Aino", "Marek", "Chiara", "Olumide", "Hanna", "Luc", "Maëlle", "Rafael", "Noor", "Viktor",
    "Camille", "Dario", "Freya", "Idris", "Zofia", "Henrik", "Amélie", "Bruno", "Leila", "Stefan",
]
LAST = [
    "Ferrante", "Weiss", "Kovač", "Lindqvist", "Moreau", "Okafor", "Nowak", "Haddad", "Rossi",
    "Jansen", "Virtanen", "Dubois", "Silva", "Keller", "Novák", "Costa", "Berger", "Mendes",
    "Laine", "Horvat", "Fontaine", "Schmidt", "Andersen", "Popescu", "Garnier", "Ibrahim",
]
ROLES_EN = [
    ("Chair", "the Chair"), ("Rapporteur", "the Rapporteur"), ("Treasurer", "the Treasurer"),
    ("Secretary General", "the Secretary General"), ("Vice-Chair", "the Vice-Chair"),
    ("Youth delegate", "the youth delegate"), ("Director", "the Director"),
    ("Minister of Transport", "the Minister"), ("Mayor", "the Mayor"),
]
ROLES_FR = [
    ("Présidente", "la présidente"), ("Rapporteur", "le rapporteur"), ("Trésorière", "la trésorière"),
    ("Secrétaire général", "le secrétaire général"), ("Maire", "la maire"), ("Directeur", "le directeur"),
]
NOUNS = [
    "drought", "flood insurance", "rail freight", "night trains", "harbour dredging", "glacier gauges",
    "river ferries", "school meals", "rural broadband", "library hours", "bridge repairs",
    "fish quotas", "wind farms", "heat waves", "water meters", "cycle lanes", "bus lines",
    "forest fires", "coastal erosion", "tourist taxes", "airport noise", "grain silos",
    "public archives", "hospital beds", "seed banks", "snow clearing", "tide tables",
    "wetland reserves", "youth hostels", "cargo bikes", "district heating", "rainwater tanks",
    "ferry timetables", "mountain huts", "avalanche warnings", "bee colonies", "salt marshes",
    "port cranes", "land registers", "village shops", "reservoir levels", "lighthouse keepers",
    "flood barriers", "peat bogs", "radio licences", "sports grounds", "canal locks", "orchards",
]
ADJ = [
    "shared", "regional", "new", "joint", "common", "temporary", "cross-border", "annual",
    "open", "digital", "seasonal", "emergency", "local", "independent", "public", "revised",
]
SUBJECTS_EN = ["Ministers", "Delegates", "The Council", "Members", "The Board", "Mayors", "The Assembly"]
VERBS_EN = [
    "agreed on", "adopted", "discussed", "postponed", "welcomed", "reviewed", "rejected",
    "endorsed", "funded", "extended", "called for", "set up",
]
OBJECTS_EN = [
    "a {adj} plan for {noun}", "{adj} rules on {noun}", "the budget for {noun}",
    "a {adj} study of {noun}", "a {adj} fund for {noun}", "the report on {noun}",
    "a {adj} register of {noun}", "{adj} targets for {noun}",
]
TAILS_EN = [
    "by {year}", "before the summer", "with {a} votes to {b}", "after a long debate",
    "for the next {n} years", "in {city}", "at the request of {n} members", "without a vote",
    "subject to a review in {year}", "",
]
QUOTES_EN = [
    "We cannot wait another {n} years for {noun}.", "This is a fair deal for {noun}.",
    "Nobody here wanted a {adj} crisis over {noun}.", "Who will pay for {noun}?",
    "The towns downstream asked for this, and today they have it.",
    "Every {noun} we lose costs us twice.", "We will publish the figures every month.",
    "It took {n} meetings to get here!", "Small steps on {noun} are still steps.",
    "The {adj} option was the only honest one.", "Our budget cannot carry {noun} alone.",
]
VERB_QUOTE_EN = ["said", "added", "warned", "noted", "explained", "insisted", "recalled"]
SUBJECTS_FR = ["Les ministres", "Les délégués", "Le Conseil", "Les membres", "L'Assemblée", "Les maires"]
VERBS_FR = ["ont adopté", "ont examiné", "ont reporté", "ont salué", "ont financé", "ont rejeté", "ont prolongé"]
NOUNS_FR = [
    "la sécheresse", "les trains de nuit", "le fret ferroviaire", "les ponts", "les quotas de pêche",
    "les pistes cyclables", "les incendies de forêt", "l'érosion du littoral", "les bibliothèques",
    "les compteurs d'eau", "les écluses", "les vergers", "les refuges de montagne", "les marais salants",
    "les lignes de bus", "le chauffage urbain", "les réserves naturelles", "les phares",
]
OBJECTS_FR = [
    "un plan commun pour {noun}", "de nouvelles règles sur {noun}", "le budget pour {noun}",
    "une étude sur {noun}", "un fonds pour {noun}", "le rapport sur {noun}",
]
TAILS_FR = ["d'ici {year}", "avant l'été", "par {a} voix contre {b}", "après un long débat", "à {city}", ""]
QUOTES_FR = [
    "Nous ne pouvons plus attendre {n} ans pour {noun}.", "C'est un accord juste pour {noun}.",
    "Qui paiera pour {noun} ?", "Il a fallu {n} réunions pour en arriver là !",
    "Les villes en aval l'ont demandé : c'est fait.", "Nous publierons les chiffres chaque mois.",
]
VERB_QUOTE_FR = ["a déclaré", "a ajouté", "a averti", "a rappelé", "a souligné"]
NOTES = [
    "Check the figures with the Secretariat before publishing.", "Two delegations abstained.",
    "Ask the Treasurer for the final amount.", "Do not mention the vacancy yet.",
    "Photographer arrives at 10:30.", "Follow up with the regional press.", "",
]

# Where the rare word goes, one field per matching meeting: every one is searchable text.
RARE_PLACES = ["title", "agenda_title", "summary", "quote", "notes", "lead", "caption"]


def _sentence(r: random.Random, fr: bool, city: str) -> str:
    fill = {
        "adj": r.choice(ADJ), "year": r.randint(2027, 2040), "a": r.randint(12, 40),
        "b": r.randint(1, 11), "n": r.randint(2, 15), "city": city,
    }
    if fr:
        fill["noun"] = r.choice(NOUNS_FR)
        s = f"{r.choice(SUBJECTS_FR)} {r.choice(VERBS_FR)} {r.choice(OBJECTS_FR)} {r.choice(TAILS_FR)}"
    else:
        fill["noun"] = r.choice(NOUNS)
        s = f"{r.choice(SUBJECTS_EN)} {r.choice(VERBS_EN)} {r.choice(OBJECTS_EN)} {r.choice(TAILS_EN)}"
    return s.format(**fill).strip() + "."


def _quote_text(r: random.Random, fr: bool) -> str:
    fill = {"adj": r.choice(ADJ), "n": r.randint(2, 15)}
    fill["noun"] = r.choice(NOUNS_FR if fr else NOUNS)
    return r.choice(QUOTES_FR if fr else QUOTES_EN).format(**fill)


def _people(r: random.Random, fr: bool, count: int) -> list[dict]:
    people, used = [], set()
    while len(people) < count:
        first, last = r.choice(FIRST), r.choice(LAST)
        if (first, last) in used:
            continue
        used.add((first, last))
        title, role = r.choice(ROLES_FR if fr else ROLES_EN)
        honorific = (r.choice(["Mme", "M."]) if fr else r.choice(["Ms", "Mr", "Dr"]))
        p = {"id": f"p{len(people) + 1}", "name": f"{first} {last}", "full": f"{title} {first} {last}"}
        if r.random() < 0.6:
            p["role"] = role
        p["short"] = f"{honorific} {last}"
        people.append(p)
    return people


def _item(r: random.Random, fr: bool, city: str, people: list[dict], quotes: int, private_ok: bool) -> dict:
    noun = r.choice(NOUNS_FR if fr else NOUNS)
    title = noun[0].upper() + noun[1:]
    if r.random() < 0.3:
        title = f"{r.choice(ADJ).capitalize()} {noun}" if not fr else title
    item = {"title": title}
    note = r.choice(NOTES)
    if note:
        item["notes"] = note
    item["in_release"] = not (private_ok and r.random() < 0.08)
    item["summary"] = " ".join(_sentence(r, fr, city) for _ in range(r.randint(1, 3)))
    qs = []
    for _ in range(quotes):
        q = {"speaker": r.choice(people)["id"], "text": _quote_text(r, fr)}
        if r.random() < 0.5:
            q["verb"] = r.choice(VERB_QUOTE_FR if fr else VERB_QUOTE_EN)
        if r.random() < 0.1:
            q["form"] = r.choice(["full", "role", "short"])
        q["in_release"] = not (private_ok and r.random() < 0.1)
        qs.append(q)
    item["quotes"] = qs
    return item


def meeting(r: random.Random, starts: dt.date, *, items: int | None = None, quotes_per_item: int | None = None,
            fr: bool | None = None, people: int | None = None, with_release: bool | None = None) -> dict:
    fr = (r.random() < 0.2) if fr is None else fr
    city, zone = r.choice(CITIES)
    org = r.choice(ORGS_FR if fr else ORGS_EN)
    days = r.choice([0, 0, 0, 1, 1, 2])
    ends = starts + dt.timedelta(days=days)
    ppl = _people(r, fr, people or r.randint(2, 6))
    n_items = items if items is not None else r.randint(3, 10)
    agenda = [
        _item(r, fr, city, ppl, quotes_per_item if quotes_per_item is not None else r.choice([0, 1, 1, 2, 2, 3]),
              private_ok=quotes_per_item is None)
        for _ in range(n_items)
    ]
    topic = agenda[0]["title"].lower() if agenda else "the year ahead"
    if fr:
        title = f"{r.choice(['Réunion', 'Session', 'Conseil'])} {r.choice(['de printemps', 'd’automne', 'extraordinaire', 'annuelle'])} — {org}"
        headline = f"{org} : accord sur {topic}"
        lead = f"Les membres du {org} se sont réunis à {city} et se sont entendus sur {topic}."
        closing = f"La prochaine réunion aura lieu à {r.choice(CITIES)[0]}."
    else:
        title = f"{r.choice(['Spring', 'Autumn', 'Extraordinary', 'Annual', 'Winter'])} {r.choice(['Council', 'Meeting', 'Session', 'Assembly'])} of the {org}"
        headline = f"{org} agrees on {topic}"
        lead = f"Members of the {org} met in {city} and reached an agreement on {topic}."
        closing = f"The next meeting will take place in {r.choice(CITIES)[0]}."
    m = {
        "format": "communique.meeting.v1",
        "meeting": {
            "title": title, "organisation": org, "language": "fr" if fr else "en", "location": city,
            "starts": starts.isoformat(), "ends": ends.isoformat(), "timezone": zone,
        },
        "people": ppl,
        "agenda": agenda,
    }
    if with_release if with_release is not None else r.random() < 0.85:
        hour, minute = r.randint(9, 21), r.choice([0, 10, 15, 30, 45])
        photos = []
        if r.random() < 0.5:
            photos.append({"caption": f"Delegates in {city} before the opening session", "language": "en",
                           "credit": org})
        m["release"] = {
            "headline": headline, "lead": lead, "closing": closing, "published": ends.isoformat(),
            "updated": f"{ends.isoformat()}T{hour:02d}:{minute:02d}:00Z", "photos": photos,
        }
    return m


def _plant_rare(r: random.Random, m: dict, place: str, word: str) -> None:
    agenda = m["agenda"]
    if place == "title":
        m["meeting"]["title"] += f" at {word.capitalize()} Hall"  # capitalised: a case-blind search is needed
    elif place == "agenda_title":
        agenda[0]["title"] = f"The {word} reservoir"
    elif place == "summary":
        agenda[-1]["summary"] += f" The {word} dam will be inspected first."
    elif place == "quote":
        target = next((it for it in agenda if it["quotes"]), agenda[0])
        if not target["quotes"]:
            target["quotes"].append({"speaker": m["people"][0]["id"], "text": "", "in_release": True})
        target["quotes"][0]["text"] = f"The {word} valley deserves better."
    elif place == "notes":
        agenda[len(agenda) // 2]["notes"] = f"Call the {word} pumping station about the leak."
    elif place == "lead":
        m.setdefault("release", {"headline": "Release", "lead": "", "closing": ""})
        m["release"]["lead"] += f" The {word} crossing reopens next week."
    elif place == "caption":
        m.setdefault("release", {"headline": "Release", "lead": "", "closing": ""})
        m["release"].setdefault("photos", []).append({"caption": f"The {word} weir at dawn", "language": "en"})
    else:
        raise ValueError(place)


def big_meeting(seed: int) -> dict:
    """300 agenda items, two quotes an item, everything in the release; dated after every other."""
    r = random.Random(seed * 7 + 300)
    m = meeting(r, dt.date(2026, 11, 26), items=300, quotes_per_item=2, fr=False, people=12, with_release=True)
    m["meeting"]["title"] = "Plenary of the Council of River Cities (300 items)"
    m["meeting"]["ends"] = "2026-11-26"
    m["release"]["published"] = "2026-11-26"
    m["release"]["updated"] = "2026-11-26T18:30:00Z"
    for it in m["agenda"]:
        it["in_release"] = True
        for q in it["quotes"]:
            q["in_release"] = True
    return m


def _write(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(out: Path, meetings: int, seed: int = SEED) -> dict:
    """Generates (or keeps, if already generated with the same inputs) the data; returns rare.json's content."""
    me = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    stamp = {"seed": seed, "meetings": meetings, "generator": me}
    stamp_path = out / "stamp.json"
    if stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        return json.loads((out / "rare.json").read_text())
    if out.exists():
        shutil.rmtree(out)
    (out / "meetings").mkdir(parents=True)

    _write(out / "big.meeting.json", big_meeting(seed))

    r = random.Random(seed)
    rare_at = sorted(r.sample(range(meetings - 1), RARE_COUNT))  # never the newest one
    first = dt.date(2001, 1, 1)
    span = (dt.date(2026, 11, 20) - first).days
    names, rare_files = [], []
    width = max(5, len(str(meetings)))
    for i in range(meetings):
        name = f"m{i + 1:0{width}d}.json"
        if i == meetings - 1:
            starts = dt.date(2026, 11, 25)  # the newest: what the app opens at start
        else:
            starts = first + dt.timedelta(days=r.randrange(span))
        m = meeting(r, starts)
        if i in rare_at:
            _plant_rare(r, m, RARE_PLACES[rare_at.index(i) % len(RARE_PLACES)], RARE_WORD)
            rare_files.append(name)
        _write(out / "meetings" / name, m)
        names.append(name)

    # The word must be rare: exactly in the planted files, and nowhere else, not even as a prefix.
    found = sorted(n for n in names if RARE_WORD in (out / "meetings" / n).read_text(encoding="utf-8").lower())
    assert found == rare_files, (found, rare_files)
    rare = {"word": RARE_WORD, "files": rare_files}
    _write(out / "rare.json", rare)
    _write(out / "newest.json", {"file": names[-1]})
    _write(stamp_path, stamp)
    return rare


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--meetings", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=SEED)
    a = ap.parse_args()
    rare = generate(a.out, a.meetings, a.seed)
    print(f"{a.meetings} meetings in {a.out / 'meetings'}; {rare['word']!r} in {len(rare['files'])}: {', '.join(rare['files'])}")


if __name__ == "__main__":
    main()
