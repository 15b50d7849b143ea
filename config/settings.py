"""Settings for the Small Centres Portal, read from the environment.

Every variable is listed with its default in the README. Local defaults are safe for a laptop
(SQLite, tasks run eagerly, email to the console); production sets DEBUG=0 and must then give
SECRET_KEY and ALLOWED_HOSTS, and gets secure cookies, HSTS and the rest.
"""

import re
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _
from django_guid.integrations import CeleryIntegration

from config.env import env_bool, env_int, env_list, env_str, env_url, stop

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # git-ignored: local database, sent mail, collected static

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        stop("SECRET_KEY", "is required when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
if not DEBUG and not ALLOWED_HOSTS:
    stop("ALLOWED_HOSTS", "is required when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        stop("CSRF_TRUSTED_ORIGINS", f"entries must start with https:// (got {_origin!r}).")

SITE_URL = env_url("SITE_URL", ("http", "https"), default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so its translation fields show there
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_guid",
    "portal",
    "lib",
    "workinggroup",
    "notifications",
    "practices",
    "uploads",
    "submissions",
    "adaptations",
    "recommendations",
    "priorities",
    "discussions",
    "digests",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "opendata",
    "bench",
]

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",  # first: every later log line has the request id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so its redirects carry CORS headers too; acts on /api/ only.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "workinggroup.mfa.RequireMFAMiddleware",
    "workinggroup.sessions.IdleTimeoutMiddleware",
    "portal.headers.PrivacyHeadersMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]
# Every form field rendered with one template (templates/forms/field.html): `{{ form }}` and
# `{{ form.name.as_field_group }}`.
FORM_RENDERER = "lib.forms.FormRenderer"

# --- Database -----
DATABASE_URL = env_url(
    "DATABASE_URL",
    ("sqlite", "postgres", "postgresql", "pgsql"),
    default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery broker -----
REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None  # tasks report through the database, not through results
# Without Redis (the quickstart) tasks run in-process, at once.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Longer than the longest task and any retry countdown, so a late-acked task is not redelivered
# while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 3600}
CELERY_TIMEZONE = "America/Toronto"
CELERY_BEAT_SCHEDULE = {}  # filled by the apps' schedules below
# Digests: every morning, open the day's daily digests and the weekly ones of members whose day
# it is, then send them (and anything an earlier run left unsent).
# The sweep makes a run that is not made by then (digests.runs.missed_runs).
DIGEST_RUN_TIMES = {"daily": (6, 0), "weekly": (6, 15)}  # (hour, minute), CELERY_TIMEZONE
for _period, (_hour, _minute) in DIGEST_RUN_TIMES.items():
    CELERY_BEAT_SCHEDULE[f"digests-{_period}"] = {
        "task": "digests.tasks.run_digests",
        "schedule": crontab(hour=_hour, minute=_minute),
        "args": (_period,),
    }
# Digests: every 5 minutes (digests.runs.SWEEP_EVERY), send what dead workers held and what
# Redis lost (docs/digests.md).
CELERY_BEAT_SCHEDULE["digests-sweep"] = {
    "task": "digests.tasks.sweep_digests",
    "schedule": crontab(minute="*/5"),
}

# Priority exercises: open and close rounds on time, remind those who have not answered.
CELERY_BEAT_SCHEDULE["priorities-advance"] = {
    "task": "priorities.tasks.advance_priorities",
    "schedule": crontab(minute="*/15"),
}

# Uploads: every night, delete the files nothing refers to any more (docs/uploads.md).
CELERY_BEAT_SCHEDULE["uploads-cleanup"] = {
    "task": "uploads.tasks.cleanup_uploads",
    "schedule": crontab(hour=3, minute=30),
}

# Catalogue: every night, give the words that have become common their bitmap (the triggers keep
# the others exact; practices/bitmaps.py).
CELERY_BEAT_SCHEDULE["practices-bitmaps"] = {
    "task": "practices.tasks.rebuild_match_bitmaps",
    "schedule": crontab(hour=3, minute=0),
}

# --- Passwords and accounts -----
AUTH_USER_MODEL = "workinggroup.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_ADAPTER = "workinggroup.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Generous per-IP limits: a whole rural agency may share one address. Sign-in failures are
# counted per account and, apart, per address; a correct password with two-step verification
# is never refused because of them (workinggroup.adapters).
ACCOUNT_RATE_LIMITS = {
    "login": "60/m/ip",
    "login_failed": "5/5m/key",
    "login_failed_address": "30/10m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Small Centres Portal"
# IRCC staff, editors and administrators must set up two-step verification before anything else
# (workinggroup.mfa). On in production; off by default with DEBUG, where the quickstart's demo
# accounts sign in with a password alone.
MFA_REQUIRED = env_bool("MFA_REQUIRED", default=not DEBUG)

# --- Internationalisation -----
LANGUAGE_CODE = "en"
# Named in the page's language: a French form offers « Anglais » and « Français » (parity).
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
# The project's catalogues win over Django's, the admin's and allauth's (LOCALE_PATHS are merged
# after every installed app, the first listed winning): the site-wide one, then each app's.
# A msgid two apps translate differently takes a context (pgettext); tests/lib/test_french.py.
PROJECT_CATALOGUE_APPS = [
    "workinggroup",
    "practices",
    "uploads",
    "submissions",
    "adaptations",
    "recommendations",
    "discussions",
    "digests",
    "opendata",
]
# Last, the portal's French for the libraries' own strings (allauth's account pages and emails,
# Django's forms): kept apart from locale/, which `make messages` rewrites and would empty of them.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *(BASE_DIR / app / "locale" for app in PROJECT_CATALOGUE_APPS),
    BASE_DIR / "locale_libraries",
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Toronto"
FORMAT_MODULE_PATH = ["config.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr"), "en": ("fr",), "fr": ("en",)}
# Self-hosted jQuery UI for modeltranslation's admin tabs (no CDN under our CSP).
JQUERY_UI_URL = "vendor/jquery-ui-1.14.1/jquery-ui.min.js"

# --- Static files -----
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (uploads): var/media/ on the quickstart; S3-compatible object storage (MinIO,
# any S3 service) when S3_BUCKET is set, downloads then going through signed, expiring URLs.
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served as such: downloads go through uploads.views
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL"),
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "region_name": env_str("S3_REGION", "us-east-1"),
            "default_acl": None,
            "querystring_auth": True,  # signed URLs...
            "querystring_expire": env_int("S3_URL_SECONDS", 300),  # ...that expire
            "file_overwrite": False,
            "signature_version": "s3v4",
            "addressing_style": "path",
        },
    }
else:
    DEFAULT_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "file_permissions_mode": 0o640},
    }
# Where browsers reach the object storage, when not where the portal does (MinIO in compose:
# http://minio:9000 for the portal, http://localhost:9000 for browsers). Download URLs are signed
# for this address.
S3_PUBLIC_ENDPOINT_URL = env_str("S3_PUBLIC_ENDPOINT_URL") or env_str("S3_ENDPOINT_URL")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email -----
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Small Centres Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# --- Security -----
SESSION_COOKIE_HTTPONLY = True
# Signed-in sessions end after this long without activity (workinggroup.sessions): two weeks,
# one day for IRCC staff, editors and administrators.
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_IDLE_SECONDS_STAFF = env_int("SESSION_IDLE_HOURS_STAFF", 24) * 3600
if SESSION_IDLE_SECONDS_STAFF < 20 * 3600:
    stop("SESSION_IDLE_HOURS_STAFF", "must be at least 20 (shorter needs a warning before it).")
SESSION_SAVE_EVERY_REQUEST = False
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    if ALLAUTH_TRUSTED_PROXY_COUNT:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Submissions, posts, downloads: limits (lib.ratelimits, django-ratelimit) use the default cache.
# Features the portal never uses, refused to every page and anything embedded in it.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
# A refused form (its CSRF token missing or stale) gets the portal's page, in its language.
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# Where vulnerabilities are reported (/.well-known/security.txt, docs/security.md).
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:security@smallcentres.example")
if not SECURITY_CONTACT.startswith(("mailto:", "https://")):
    stop("SECURITY_CONTACT", "must start with mailto: or https://.")

# Every log line carries the request's id (X-Request-ID, taken from the proxy when it sends a
# valid one, else made up, and returned in the response); the Celery tasks a request queues log
# it too, with their own id and their parent's. Ids only: no personal information.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    # It would overwrite the API's Access-Control-Expose-Headers: corsheaders lists it instead.
    "EXPOSE_HEADER": False,
    "INTEGRATIONS": [CeleryIntegration(use_django_logging=True, log_parent=True)],
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "django_guid.log_filters.CorrelationId"},
        "celery_tracing": {"()": "django_guid.integrations.celery.log_filters.CeleryTracing"},
    },
    "formatters": {
        "with_ids": {
            "format": "%(asctime)s %(levelname)s [%(correlation_id)s] [%(celery_parent_id)s-"
            "%(celery_current_id)s] %(name)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "with_ids",
            "filters": ["request_id", "celery_tracing"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_guid": {"level": "WARNING"},  # not a line per request saying it made an id
        # Not a line per page of every PDF (lib.documents); warnings and errors still show.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

PORTAL_NAME = _("Small Centres Portal")
DEMO_DATA_NOTICE = env_bool("DEMO_DATA_NOTICE", default=DEBUG)

# Recommendations tracker: an item with no status update for this many months is marked stale.
RECOMMENDATIONS_STALE_MONTHS = env_int("RECOMMENDATIONS_STALE_MONTHS", 6)
if RECOMMENDATIONS_STALE_MONTHS < 1:
    stop("RECOMMENDATIONS_STALE_MONTHS", "must be at least 1.")

# --- Open data: the read-only API at /api/v1/ (opendata) -----
# No authentication: the API shows everyone the same public data, so no session can widen it.
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/minute")
if not re.fullmatch(r"\d+/(s|sec|second|m|min|minute|h|hour|d|day)", API_THROTTLE_RATE):
    stop("API_THROTTLE_RATE", "must look like 120/minute (a number, then second/minute/hour/day).")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "opendata.negotiation.StrictContentNegotiation",
    "EXCEPTION_HANDLER": "opendata.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttling.PerClientThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": API_THROTTLE_RATE},
    "NUM_PROXIES": ALLAUTH_TRUSTED_PROXY_COUNT,
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Small Centres Portal open data API",
    "VERSION": "1",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Its enums are read from the database, which `check --deploy` may not have; the schema is
    # generated and fuzzed by tests/opendata instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "opendata.apidocs.add_common_responses",
    ],
}
# Read-only CORS on the API and nowhere else: any origin may read, none may write or send cookies.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Link", "X-Request-ID"]
CORS_PREFLIGHT_MAX_AGE = 86400

# --- Uploaded files (uploads; docs/uploads.md) -----
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 20) * 1024 * 1024
UPLOAD_MAX_BYTES_PER_PRACTICE = env_int("UPLOAD_MAX_MB_PER_PRACTICE", 100) * 1024 * 1024
if not 0 < UPLOAD_MAX_BYTES <= UPLOAD_MAX_BYTES_PER_PRACTICE:
    stop("UPLOAD_MAX_MB", "must be at least 1 and at most UPLOAD_MAX_MB_PER_PRACTICE.")
# ClamAV's daemon: "unix:///run/clamav/clamd.ctl" or "tcp://clamav:3310". Unset (the
# quickstart): uploads stay waiting for their scan and only their uploader and editors see them.
CLAMD_URL = env_url("CLAMD_URL", ("unix", "tcp"))
CLAMD_TIMEOUT = env_int("CLAMD_TIMEOUT", 60)
