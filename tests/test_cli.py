"""`python -m analysis extract`: tables on good input, one line per problem on bad input."""
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main
from analysis.config import ROOT, SEEDS_DIR
from analysis.schema import columns


def run(capsys, *args):
    code = main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else None


def test_extract_seeds_writes_the_tables(tmp_path, capsys):
    code, out, err = run(capsys, SEEDS_DIR, "--out", tmp_path)
    assert code == 0, err
    for name in ["documents", "sentences", "statements", "events"]:
        df = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert list(df.columns) == columns(name)
    docs = pd.read_csv(tmp_path / "documents.csv")
    assert len(docs) == 1 and docs.n_sentences[0] == 26
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_output_is_byte_identical_across_runs(tmp_path, capsys):
    run(capsys, SEEDS_DIR, "--out", tmp_path / "a")
    run(capsys, SEEDS_DIR, "--out", tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_windows_endings_bom_and_no_trailing_newline_are_read(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "w.txt").write_bytes("\ufeffRebels entered Hama.\r\nThe army left.".encode())
    code, _, err = run(capsys, tmp_path / "in", "--out", tmp_path / "out", "--published", "2024-12-05")
    assert code == 0, err
    sents = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert list(sents.text) == ["Rebels entered Hama.", "The army left."]


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Rebels entered Hama on Friday.\n")
    (folder / "empty.txt").write_text("   \n")
    (folder / "latin1.txt").write_bytes("Rebels entered Hamá.".encode("latin-1"))
    (folder / "front.txt").write_text("---\ntitle: [oops\n---\nText.\n")
    (folder / "date.txt").write_text("---\npublished: yesterday\n---\nText.\n")
    return folder


def test_every_bad_file_is_reported_and_nothing_is_written(bad_folder, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.csv").write_text("previous\n")
    before = snapshot(out)
    code, stdout, err = run(capsys, bad_folder, "--out", out)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert all(line.startswith("error: ") for line in lines)
    joined = "\n".join(lines)
    assert "empty.txt: empty file" in joined
    assert "latin1.txt: not UTF-8" in joined and "byte offset 18" in joined
    assert "front.txt: malformed front matter on line 2" in joined
    assert "date.txt: published 'yesterday' is not a date" in joined
    assert snapshot(out) == before


def test_skip_bad_extracts_the_rest_and_lists_what_it_skipped(bad_folder, tmp_path, capsys):
    code, _, err = run(capsys, bad_folder, "--out", tmp_path / "out", "--skip-bad")
    assert code == 0
    assert len([l for l in err.splitlines() if l.startswith("skipped ")]) == 4
    assert list(pd.read_csv(tmp_path / "out" / "documents.csv").source) == ["good.txt"]


@pytest.mark.parametrize("make_input,problem", [
    (lambda t: t / "missing", "no such file or folder"),
    (lambda t: (t / "empty_dir").mkdir() or t / "empty_dir", "folder holds no .txt files"),
    (lambda t: (t / "notes.md").write_text("x") and t / "notes.md", "not a .txt file"),
])
def test_bad_paths(tmp_path, capsys, make_input, problem):
    code, _, err = run(capsys, make_input(tmp_path), "--out", tmp_path / "out")
    assert code == 2 and problem in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_bad_published_fallback(tmp_path, capsys):
    code, _, err = run(capsys, SEEDS_DIR, "--out", tmp_path / "out", "--published", "2024-13-45")
    assert code == 2 and "--published: published '2024-13-45' is not a date" in err


def test_unwritable_output_folder(tmp_path, capsys):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    code, _, err = run(capsys, SEEDS_DIR, "--out", blocker / "sub")
    assert code == 2 and "cannot write the output folder" in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_output_folder(tmp_path, capsys):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    code, _, err = run(capsys, SEEDS_DIR, "--out", out)
    assert code == 2 and "cannot write the output folder" in err


def test_the_module_command_prints_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "nope"), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
