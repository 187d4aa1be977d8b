import pytest


@pytest.fixture(autouse=True)
def _clean(leave_engine_clean: None) -> None:
    """Every engine test leaves the sandbox as it found it."""
