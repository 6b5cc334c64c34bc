"""Fixtures shared by the API test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from leadnexus.marketplace import catalog, search


@pytest.fixture
def fresh_market_caches() -> Iterator[None]:
    """Search results and catalog summaries are cached per process; each test starts empty."""
    search.clear_cache()
    catalog.clear_cache()
    yield
    search.clear_cache()
    catalog.clear_cache()
