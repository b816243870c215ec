"""Where the tests find their copies of ../shared (tests/fixtures/shared; test_shared_copies.py
checks that they match the originals when ../shared is beside the repository)."""

from pathlib import Path

SHARED_COPIES = Path(__file__).resolve().parent / "fixtures" / "shared"
SEEDS = SHARED_COPIES / "corpus" / "seeds"
