import pytest
import time_machine
from django.core.cache import cache

from . import dataset


@pytest.fixture
def frozen():
    with time_machine.travel(dataset.NOW, tick=False):
        yield dataset.NOW


@pytest.fixture
def seeded(db, frozen, dinkes, pupr):
    """The test dataset, with time frozen at dataset.NOW (10 April 2024, WIB)."""
    cache.clear()
    rows = dataset.seed()
    yield rows
    cache.clear()


@pytest.fixture
def koordinator(personas):
    return personas["koordinator"]
