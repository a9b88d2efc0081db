"""Start-up cost: every command and web worker loads the settings, the apps and the URLs."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def test_scikit_learn_is_imported_only_when_a_model_is_used(tmp_path):
    # scikit-learn takes about a second to import; only training or using a model needs it.
    code = ("import django, sys; django.setup(); from django.urls import get_resolver; get_resolver().url_patterns;"
            " print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pantau.settings", "PANTAU_DATA_DIR": str(tmp_path),
           "PYTHONPATH": str(SRC)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
