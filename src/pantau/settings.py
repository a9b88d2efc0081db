"""Settings read from environment variables, with safe defaults for a laptop.

Booleans parse strictly: `True` or `False` (any case); anything else stops start-up with the
variable's name. Secrets may come from `NAME_FILE`.
"""

import os
import sys
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.strip().lower() == "true":
        return True
    if raw.strip().lower() == "false":
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_secret(name: str) -> str | None:
    """The value of NAME, or the contents of the file named by NAME_FILE."""
    if os.environ.get(name):
        return os.environ[name]
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {exc}") from None
    return None


DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("PANTAU_DEMO", False)
if os.environ.get("PANTAU_DATA_DIR"):
    DATA_DIR = Path(os.environ["PANTAU_DATA_DIR"]).resolve()
elif "pytest" in sys.modules:
    # A test run never touches the developer's data folder.
    DATA_DIR = Path(tempfile.mkdtemp(prefix="pantau-test-"))
else:
    DATA_DIR = (Path.cwd() / "data").resolve()
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)



def _secret_key() -> str:
    """SECRET_KEY or SECRET_KEY_FILE; otherwise a random key kept in the data folder (never a fixed default)."""
    key = env_secret("SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        import secrets

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE"))
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "pantau.web",
    "pantau.agencies",
    "pantau.complaints",
    "pantau.scorecards",
    "pantau.reports",
    "pantau.transparency",
    "pantau.opinion",
    "pantau.alerts",
    "pantau.meetings",
    "pantau.jobs",
    "pantau.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pantau.urls"
WSGI_APPLICATION = "pantau.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pantau.web.context.nav",
            ],
        },
    },
]

# SQLite (WAL) in the data folder by default; PostgreSQL when DATABASE_URL says so.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "pantau.sqlite3",
            # Kept open between requests like PostgreSQL's: opening the file and reading the schema
            # cost each request about 1 ms of CPU (measured at 1M reports).
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("PANTAU_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"  # Indonesian page, status 429
AXES_RESET_ON_SUCCESS = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
# Sessions read from the shared cache (Redis or files), written through to the database: one query
# less on every page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SECURE_HTTPS = env_bool("PANTAU_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "id")
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "lib" / "locale"]  # lib/ has no app; apps keep their own catalogues
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Jobs: huey with SQLite storage in the data folder, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
HUEY_IMMEDIATE = env_bool("PANTAU_JOBS_IMMEDIATE", False)
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": os.environ.get("PANTAU_HUEY_NAME", "pantau"),
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "pantau",
        "filename": str(DATA_DIR / "jobs.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
    }

# Cache shared by every web process (and the worker): Redis when REDIS_URL is set, else files in the
# data folder (one machine). A per-process memory cache would not see another process's writes, and
# the pages cache rendered parts keyed on the data version (complaints.versioning).
if REDIS_URL:
    # A test run keeps to its own keys (its data folder is a fresh temporary one).
    _prefix = os.environ.get("PANTAU_HUEY_NAME", "pantau") + (f"-{DATA_DIR.name}" if "pytest" in sys.modules else "")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": _prefix, "TIMEOUT": 3600}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": str(DATA_DIR / "cache"), "TIMEOUT": 3600,
                          "OPTIONS": {"MAX_ENTRIES": 3000}}}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pantau@localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SITE_URL = os.environ.get("PANTAU_SITE_URL", "http://127.0.0.1:8000")

# Reminders and jobs (pantau.jobs). Hour in WIB; escalation after N working days overdue.
PANTAU_REMINDER_HOUR = env_int("PANTAU_REMINDER_HOUR", 8)
PANTAU_REMINDER_DUE_WITHIN = env_int("PANTAU_REMINDER_DUE_WITHIN", 2)
PANTAU_ESCALATE_AFTER = env_int("PANTAU_ESCALATE_AFTER", 10)
PANTAU_MAIL_MAX_ATTEMPTS = env_int("PANTAU_MAIL_MAX_ATTEMPTS", 20)
PANTAU_JOBS_DB_RETRIES = env_int("PANTAU_JOBS_DB_RETRIES", 6)
# Worker processes preparing large mention ingests (opinion/workers.py); 0 or 1: none, -1: one per core.
PANTAU_OPINION_WORKERS = env_int("PANTAU_OPINION_WORKERS", -1)
PANTAU_JOBS_DB_RETRY_BASE = 1.0  # seconds; doubles per attempt
PANTAU_JOB_MAX_ATTEMPTS = env_int("PANTAU_JOB_MAX_ATTEMPTS", 3)

# Deadline rules in working days. DOMAIN.md: dispose 3 (H), first follow-up 5 (H), auto-close 10 (H),
# resolution 5 / 14 / 60 (M, PermenPANRB 62/2018 summaries). Settings, never constants.
PANTAU_DEADLINES = {
    "dispose": env_int("PANTAU_DUE_DISPOSE", 3),
    "first_follow_up": env_int("PANTAU_DUE_FIRST_FOLLOW_UP", 5),
    "auto_close": env_int("PANTAU_DUE_AUTO_CLOSE", 10),
    "resolve_aspirasi": env_int("PANTAU_DUE_RESOLVE_ASPIRASI", 5),
    "resolve_informasi": env_int("PANTAU_DUE_RESOLVE_INFORMASI", 5),
    "resolve_pengaduan": env_int("PANTAU_DUE_RESOLVE_PENGADUAN", 14),
    "resolve_pengawasan": env_int("PANTAU_DUE_RESOLVE_PENGAWASAN", 60),
}
PANTAU_RANKING_MIN_REPORTS = env_int("PANTAU_RANKING_MIN_REPORTS", 10)
PANTAU_DEMO_PASSWORD = os.environ.get("PANTAU_DEMO_PASSWORD", "pantau-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"pantau": {"level": os.environ.get("LOG_LEVEL", "INFO"), "propagate": True}},
}
