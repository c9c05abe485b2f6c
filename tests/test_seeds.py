"""seeds/ holds the desk's raw articles byte for byte; nothing writes into it."""
import csv
import hashlib

from analysis.config import ROOT, SEEDS_DIR
from analysis.corpus import MANIFEST_COLUMNS
from analysis.tables import extract_tables


def manifest_rows():
    with open(SEEDS_DIR / "manifest.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_manifest_has_the_documented_columns_and_describes_every_seed():
    rows = manifest_rows()
    assert list(rows[0]) == MANIFEST_COLUMNS
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


def test_every_seed_matches_its_sha256():
    for row in manifest_rows():
        assert hashlib.sha256((SEEDS_DIR / row["file"]).read_bytes()).hexdigest() == row["sha256"], row["file"]


def test_the_first_seed_is_the_desks_file_verbatim():
    shared = ROOT.parent / "shared" / "seeds"
    for original in shared.glob("*.txt"):
        copies = [p for p in SEEDS_DIR.glob("*.txt") if p.read_bytes() == original.read_bytes()]
        assert copies, f"{original.name} from shared/seeds is not in seeds/"


def test_extraction_does_not_touch_seeds():
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS_DIR.iterdir()}
    extract_tables([SEEDS_DIR])
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS_DIR.iterdir()} == before
