"""One settings module, read from the environment, with safe defaults for development.

Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL) and REDIS_URL.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key() -> str:
    """SECRET_KEY from the environment, else a key generated once into a local file.

    A key generated per process would log everybody out at every restart and break signed
    links between the web server and the worker, so it is kept on disk (never committed).
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = envbool("DEBUG", True)
SECRET_KEY = secret_key()
# Rotating the key (docs/operasi.md): the old key stays here for a while, comma-separated, so
# sessions, reset links and queued tasks signed with it remain valid until they expire.
SECRET_KEY_FALLBACKS = envlist("SECRET_KEY_FALLBACKS", "")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_fsm",
    "django_q",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "viewflow",
    "viewflow.workflow",
    "sengketa",
    "dokumen",
    "workflows",
    "api",
    "portal",
    "axes",
    # Two-factor authentication of staff (workflows/kantor/dua_faktor.py): TOTP apps and
    # single-use backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (policy: config/keamanan.py).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(); staff with a second factor must have passed it.
    "django_otp.middleware.OTPMiddleware",
    "workflows.kantor.dua_faktor.DuaFaktorMiddleware",
    # no-store on private pages and downloads, CSP exceptions, a 503 when the database is lost.
    "config.keamanan.KeamananMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during the view into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                # Back-office menu links only for who may open them (workflows/kantor/menu.py).
                "workflows.kantor.menu.menu_kantor",
            ],
        },
    },
]


def database_config() -> dict:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    # Health checks: a persistent connection is tested (SELECT 1) before a request reuses it,
    # so that after a database restart or failover no worker answers once more with a dead
    # connection (scripts/latihan_pg_mati.sh showed that 503 without it).
    config = dj_database_url.parse(
        url, conn_max_age=envint("CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The web server and the django-q2 worker write at the same time. With Django's default
        # deferred transactions about 40 % of concurrent writes failed with "database is
        # locked"; IMMEDIATE takes the write lock at BEGIN and WAL lets readers go on.
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The server's zone; every case is judged in its own commission's zone (KomisiInformasi).
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Makassar")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "/kantor/masuk/"

# Every login (portal, back office, admin, API token) passes django-axes first: 5 failures
# for one username from one address lock that pair for 30 minutes (a username+address pair,
# so a stranger cannot lock a party out from elsewhere); a successful login clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no "AXES: BEGIN" banner on every start
# Portal log-ins are e-mail addresses: "Budi@X" and "budi@x" count as one username.
AXES_USERNAME_CALLABLE = "portal.akun.terkunci.nama_pengguna"
# The lockout page in the look of where it happened (portal, back office) or JSON for the API.
AXES_LOCKOUT_CALLABLE = "portal.akun.terkunci.respons_terkunci"
AXES_COOLOFF_MESSAGE = _("Too many failed log-in attempts: logging in is locked for a while.")
# Behind a reverse proxy, set the number of proxies so that the client address is the real one.
AXES_IPWARE_PROXY_COUNT = envint("AXES_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)
# Links in e-mails to verify a portal account stay valid this long (then: ask for a new one).
PORTAL_VERIFIKASI_JAM = envint("PORTAL_VERIFIKASI_JAM", 72)

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # One cache for every web process and worker: API throttles count across gunicorn
    # processes, and the annual report's progress written by a worker reaches the page.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kki",
        }
    }

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    # Per client address (per user when logged in); see api/batas.py. Verifying by file hashes
    # up to 20 MB per request, so it gets fewer than verifying by code.
    "DEFAULT_THROTTLE_RATES": {
        "token": "10/min",
        "verifikasi": os.environ.get("API_BATAS_VERIFIKASI", "60/min"),
        "verifikasi_berkas": os.environ.get("API_BATAS_VERIFIKASI_BERKAS", "10/min"),
    },
    # The client address is REMOTE_ADDR unless this many proxies of ours add X-Forwarded-For
    # (the same count as django-axes): a client cannot dodge a limit by inventing the header.
    "NUM_PROXIES": envint("AXES_PROXY_COUNT", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kepaniteraan KI — API v1",
    "DESCRIPTION": "Sengketa informasi publik (UU 14/2008): perkara, transisi, sidang, dokumen.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page's JavaScript and CSS come from our static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# django-q2: the ORM broker needs no other server; Redis when configured. Delivery is at least
# once, so every task is idempotent; retry must exceed timeout or a slow task runs twice.
Q_CLUSTER = {
    "name": "kepaniteraan",
    "workers": envint("Q_WORKERS", 2),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "poll": 1,
    # Tasks the pusher takes from the ORM broker per query (it still locks each one).
    "bulk": 4,
    # A new worker pays half a second to load fonts and templates before its first letter;
    # a worker's memory stays flat over thousands of letters (about 140 MB), so it is
    # replaced when it grows past 512 MB (kB here) rather than every 500 tasks.
    "recycle": 5000,
    "max_rss": 512 * 1024,
    "catch_up": False,
    # Successes are kept, never pruned per task: with a limit N, django-q2 locks and reads
    # all N stored successes after every task (its monitor's cost grows with N; at 1,000 it
    # cost as much as rendering the document). Failures are always kept. Successes older
    # than a week are deleted by a daily schedule (dokumen.tugas.buang_sukses_lama, installed
    # by `manage.py pasang_jadwal`). benchmarks/README.md, "Queue".
    "save_limit": 0,
    "label": _("Background tasks"),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sengketa@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django's own console handler would print every line twice next to the root handler.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# The public address of the site, used in verification links printed on documents.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The commission used when a request names none (a single-commission deployment).
KOMISI_DEFAULT = os.environ.get("KOMISI_DEFAULT", "KIP-KALTIM")

# Attachments of online filings (portal.unggahan): limits per file and per application, in
# bytes. A file over the per-file limit is dropped while it is being received.
UNGGAHAN_MAKS_BERKAS = envint("UNGGAHAN_MAKS_BERKAS", 10 * 1024 * 1024)
UNGGAHAN_MAKS_PERKARA = envint("UNGGAHAN_MAKS_PERKARA", 30 * 1024 * 1024)

# -- Security (issue 8; `manage.py check --deploy` is clean with DEBUG=0) ---------------------
# Production (DEBUG=0) is served over HTTPS only: redirect http, HSTS, cookies that never
# travel over http. Each can be switched by its variable (e.g. SECURE_SSL_REDIRECT=0 for a
# local rehearsal over http). Behind a TLS-terminating proxy (nginx) set SECURE_PROXY_SSL=1
# and make the proxy set X-Forwarded-Proto itself (docs/deploy.md).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
if envbool("SECURE_PROXY_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preloading binds the whole registrable domain (e.g. every host under a province's .go.id)
# and is hard to undo: the operator of that domain decides, not this application.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Cookies: Secure and, with it, the __Host- prefix (browsers then refuse a Domain attribute or
# a cookie planted over http or by a sibling host). Over plain http (development) both off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = envbool(
    "SECURE_COOKIES", not DEBUG
)
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Idle timeout: a session ends after this many minutes without a request (every request
# renews it). Staff pages show case files: 30 minutes unless the operator decides otherwise.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
# Content-Security-Policy (django-csp 4): nothing inline, nothing from another origin.
from config.keamanan import kebijakan_csp  # noqa: E402

CONTENT_SECURITY_POLICY = kebijakan_csp(laporan=os.environ.get("CSP_REPORT_URI", ""))
# Staff with a second factor enter its code after the password (workflows/kantor/dua_faktor.py);
# STAFF_2FA_REQUIRED=1 makes every staff member set one up before using the back office.
DUA_FAKTOR_WAJIB = envbool("STAFF_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Kepaniteraan KI")
