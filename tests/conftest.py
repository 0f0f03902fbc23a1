# SPDX-License-Identifier: MIT
import os
import pathlib

import pytest
from hypothesis import settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Property tests run a fixed seed and a bounded budget unless asked otherwise, so that the
# README's test command gives the same verdict on every machine; "explore" draws new cases each
# run, "long" is the budget run by hand (benchmarks/README.md records what it found).
settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", max_examples=150, deadline=None)
settings.register_profile("long", max_examples=5000, derandomize=True, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden files from the current output"
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def persons():
    from tei_transcripts.persons import Personography

    return Personography.load(str(ROOT / "tei" / "persons.xml"))


@pytest.fixture(scope="session")
def tei_all():
    """TEI's own tei_all schema, compiled once (15–20 s); absent outside CI's checkout."""
    path = SHARED / "reference" / "tei_all.rng"
    if not path.exists():
        pytest.skip("../shared/reference/tei_all.rng is not beside this checkout")
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(path)))
