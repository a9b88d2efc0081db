import pytest

from pantau.lib.textclass.datasets import training_data_dir


@pytest.fixture
def shared_data():
    """The shared labelled data folder, or skip: it is other people's data, not in the project."""
    path = training_data_dir()
    if path is None:
        pytest.skip("../shared/data (or PANTAU_TRAINING_DATA) is absent: SmSA/EmoT not available")
    return path
