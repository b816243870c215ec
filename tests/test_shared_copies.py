"""The repository carries its own copies of what it reads from the project's shared folder
(the canonical cells, the hand-checked seed reports, the law), so a clone alone passes its
tests. Where ../shared sits beside the checkout, the copies must be identical to it; where it
does not (a user's clone), there is nothing to compare with and the check is skipped."""

from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures" / "shared"

# Each copy in the repository and the file of ../shared it must equal.
COPIES = {
    **{
        path: SHARED / path.relative_to(FIXTURES)
        for path in sorted(FIXTURES.rglob("*"))
        if path.is_file()
    },
    Path(str(files("gongkai.statute").joinpath("regulations-2019.md"))): (
        SHARED / "spec" / "law" / "政府信息公开条例-2019.md"
    ),
    # the demo's imported published reports (gongkai.web.intelligence.demo)
    **{
        Path(str(path)): SHARED / "corpus" / "seeds" / path.name
        for path in files("gongkai.web.intelligence").joinpath("demo_reports").iterdir()
        if path.name.endswith(".txt")
    },
}

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="no ../shared beside this checkout to compare the copies with"
)


def test_the_fixtures_hold_the_seeds_and_the_canonical_cells():
    seeds = FIXTURES / "corpus" / "seeds"
    assert len(list(seeds.glob("*.expected.json"))) == 5
    assert len(list(seeds.glob("*.txt"))) == 5
    assert (FIXTURES / "spec" / "cells.csv").is_file()


@needs_shared
@pytest.mark.parametrize("copy", list(COPIES), ids=lambda p: p.name)
def test_each_copy_is_identical_to_the_shared_file(copy):
    assert copy.read_bytes() == COPIES[copy].read_bytes()


@needs_shared
def test_every_seed_of_the_shared_corpus_is_copied():
    shared_seeds = {p.name for p in (SHARED / "corpus" / "seeds").iterdir()}
    copied = {p.name for p in (FIXTURES / "corpus" / "seeds").iterdir()}
    assert shared_seeds == copied
