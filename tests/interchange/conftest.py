import pytest
from django.conf import settings


@pytest.fixture
def iati_standard():
    """The IATI 2.03 schemas and ruleset the project validates against, kept beside the
    repository (CI and the developers' machines have them); a bare clone runs without."""
    found = (settings.IATI_STANDARD_DIR / "schemas-2.03" / "iati-activities-schema.xsd").exists()
    if not found:
        pytest.skip(f"the IATI Standard's files are not at {settings.IATI_STANDARD_DIR}")
