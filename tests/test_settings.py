import os
import subprocess
import sys


def run_settings(env_extra):
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-c", "import pantau.settings as s; print(s.DEBUG, s.TIME_ZONE, s.LANGUAGE_CODE, s.DATABASES['default']['ENGINE'])"],
        env=env, capture_output=True, text=True,
    )


def test_debug_accepts_only_true_or_false(tmp_path):
    assert run_settings({"DEBUG": "True", "PANTAU_DATA_DIR": str(tmp_path)}).stdout.startswith("True")
    assert run_settings({"DEBUG": "false", "PANTAU_DATA_DIR": str(tmp_path)}).stdout.startswith("False")
    bad = run_settings({"DEBUG": "yes", "PANTAU_DATA_DIR": str(tmp_path)})
    assert bad.returncode != 0
    assert "DEBUG must be True or False, not 'yes'" in bad.stderr


def test_defaults_are_jakarta_time_indonesian_and_sqlite(tmp_path):
    env = {"PANTAU_DATA_DIR": str(tmp_path), "DATABASE_URL": "", "TIME_ZONE": "", "LANGUAGE_CODE": ""}
    env = {k: v for k, v in env.items() if v} | {"DATABASE_URL": ""}
    os_env = {k: v for k, v in os.environ.items() if k not in ("TIME_ZONE", "LANGUAGE_CODE")}
    out = subprocess.run(
        [sys.executable, "-c", "import pantau.settings as s; print(s.TIME_ZONE, s.LANGUAGE_CODE, s.DATABASES['default']['ENGINE'])"],
        env={**os_env, **env}, capture_output=True, text=True,
    )
    assert out.stdout.split() == ["Asia/Jakarta", "id", "django.db.backends.sqlite3"]


def test_postgresql_when_database_url_says_so(tmp_path):
    out = run_settings({"DATABASE_URL": "postgres://u@db.example:5432/pantau", "PANTAU_DATA_DIR": str(tmp_path)})
    assert out.stdout.split()[-1] == "django.db.backends.postgresql"


def test_secret_key_comes_from_a_file(tmp_path):
    key = tmp_path / "key"
    key.write_text("from-a-file\n")
    env = {**os.environ, "SECRET_KEY_FILE": str(key), "PANTAU_DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    out = subprocess.run([sys.executable, "-c", "import pantau.settings as s; print(s.SECRET_KEY)"],
                         env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "from-a-file"
