import pytest
from django.conf import settings


@pytest.fixture
def iati_standard():
    """The IATI ruleset and code lists the project checks files and settings against, kept
    beside the repository (CI and the developers' machines have them); a bare clone runs
    without. The schemas come with a package and are always there."""
    found = (settings.IATI_STANDARD_DIR / "rulesets" / "standard.json").exists()
    if not found:
        pytest.skip(f"the IATI Standard's files are not at {settings.IATI_STANDARD_DIR}")
