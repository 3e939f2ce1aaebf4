# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The one settings module. Every value that varies per installation comes from an
environment variable declared in :mod:`jeugdsturing.env` (see docs/configuratie.md)."""

from __future__ import annotations

import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from jeugdsturing import env

django_stubs_ext.monkeypatch()  # generic admin/queryset classes at run time

PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = bool(env.get_bool("DEBUG"))
SECRET_KEY = env.get("SECRET_KEY")
PSEUDONYMISATION_KEY = env.get("PSEUDONYMISATION_KEY")
# With DEBUG off, the default keys are refused by the WSGI entry point and by
# `jeugdsturing check --deploy` (jeugdsturing.core.checks).
INSECURE_KEYS = [name for name in env.SLEUTELS if env.is_default(name)]
# Quarantined input: MultiFernet over these keys, newest first (berichten.privacy).
QUARANTINE_KEYS = env.get_list("QUARANTINE_KEYS")
if SECRET_KEY == PSEUDONYMISATION_KEY:
    raise ImproperlyConfigured("PSEUDONYMISATION_KEY moet verschillen van SECRET_KEY")

ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, opened by the access policy (jeugdsturing.web.beheer).
    "jeugdsturing.web.apps.GegevensbeheerConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "corsheaders",
    # The layers, bottom to top (docs/principes.md; import-linter checks them).
    "jeugdsturing.core",
    "jeugdsturing.weergave",
    "jeugdsturing.regio",
    "jeugdsturing.berichten",
    "jeugdsturing.contracten",
    "jeugdsturing.gebruikers",
    "jeugdsturing.monitor",
    "jeugdsturing.verwerving",
    "jeugdsturing.escalatie",
    "jeugdsturing.continuiteit",
    "jeugdsturing.scenario",
    "jeugdsturing.raad",
    "jeugdsturing.sturing",
    "jeugdsturing.api",
    "jeugdsturing.web",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # static files before anything else asks the database (ADR 0015)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # only under /api/ and only for the origins in API_CORS_ORIGINS (none by default)
    "corsheaders.middleware.CorsMiddleware",
    # under /api/: problem+json for whatever answers an error, API-Version on everything
    "jeugdsturing.api.fouten.ApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "jeugdsturing.web.invoer.InvoerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "jeugdsturing.web.sessie.SessieMiddleware",
    "jeugdsturing.web.tweede_factor.TweedeFactorMiddleware",
    "jeugdsturing.web.sessie.GeenOpslagMiddleware",
    # last: turns a locked-out login into the lockout page
    "axes.middleware.AxesMiddleware",
]

# Logins: django-axes first (refuses a locked user name + address before the password is
# checked), then the database.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env.get("LOGIN_FAILURE_LIMIT"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env.get("LOGIN_COOLOFF_MINUTES")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/geblokkeerd.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
IDLE_TIMEOUT = timedelta(minutes=int(env.get("IDLE_TIMEOUT_MINUTES")))
OTP_TOTP_ISSUER = "jeugdsturing"  # the name the authenticator app shows
DAGTEKENING_MARGE = timedelta(days=int(env.get("DAGTEKENING_MARGE_DAGEN")))

ROOT_URLCONF = "jeugdsturing.web.urls"
WSGI_APPLICATION = "jeugdsturing.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jeugdsturing.web.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = env.get("DATABASE_URL")
if DATABASE_URL.startswith("sqlite:///"):
    Path(DATABASE_URL.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "jeugdsturing.gebruikers.wachtwoorden.MinimaleLengte",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = env.get("TIME_ZONE")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT")).resolve()
# WhiteNoise serves the collected files (`jeugdsturing collectstatic`) with a hash in
# their names and a year's cache; with DEBUG on it serves them from the apps (ADR 0015).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Before `collectstatic` (tests, a first start) the directory does not exist yet.
warnings.filterwarnings("ignore", message="No directory at: ")

# --- security -------------------------------------------------------------------------
_secure_cookies = env.get_bool("SECURE_COOKIES")
SECURE_COOKIES = (not DEBUG) if _secure_cookies is None else _secure_cookies
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(env.get("SESSION_HOURS")) * 60 * 60  # absolute: see web.sessie
SECURE_CONTENT_TYPE_NOSNIFF = True
_https = env.get_bool("HTTPS")
HTTPS = (not DEBUG) if _https is None else _https
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
if env.get_bool("TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
# HSTS for subdomains and the browsers' preload list are the decision of whoever owns the
# registrable domain (often the gemeente's, with this site as one subdomain), not of this
# application: it sends HSTS for its own host only (docs/installatie.md).
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
X_FRAME_OPTIONS = "DENY"
# CORS is off unless API_CORS_ORIGINS names origins: then only /api/ answers them, and
# without cookies (a browser application calls the API with a key, not a session).
CORS_ALLOWED_ORIGINS = env.get_list("API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["authorization", "content-type", "accept", "accept-crs", "api-version"]
CORS_EXPOSE_HEADERS = ["API-Version", "Link", "X-Total-Count"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- domain settings --------------------------------------------------------------------
IJW_XSD_DIR = env.get("IJW_XSD_DIR")
OCDS_SCHEMA_DIR = env.get("OCDS_SCHEMA_DIR")
OCDS_PREFIX = env.get("OCDS_PREFIX")
QUARANTINE_RETENTION_DAYS = int(env.get("QUARANTINE_RETENTION_DAYS"))
AFGELEID_DIR = Path(env.get("AFGELEID_DIR")).resolve()
UPLOAD_DIR = Path(env.get("UPLOAD_DIR")).resolve()
# Background jobs through Django's tasks API (the django-tasks backport; ADR 0014).
TASKS = {"default": {"BACKEND": env.get("TASKS_BACKEND")}}
OPEN_DATA_DIR = Path(env.get("OPEN_DATA_DIR"))
TENDER_MAX_FILE_MB = int(env.get("TENDER_MAX_FILE_MB"))

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- the API (docs/api.md, ADR 0015) ------------------------------------------------------
API_VERSIE = "1.0.0"
# django-rest-knox's own table would stay empty beside ours (and block the truncation of
# users in PostgreSQL test runs): its migrations are not run, our model replaces it.
MIGRATION_MODULES = {"knox": None}
KNOX_TOKEN_MODEL = "gebruikers.ApiSleutel"  # noqa: S105 (a model, not a secret)
REST_KNOX = {"TOKEN_TTL": None, "AUTH_HEADER_PREFIX": "Bearer", "TOKEN_PREFIX": "js_"}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jeugdsturing.api.beleid.Sleutel",
        "jeugdsturing.api.beleid.Sessie",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["jeugdsturing.api.beleid.Beleid"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "jeugdsturing.api.paginering.Paginering",
    "EXCEPTION_HANDLER": "jeugdsturing.api.fouten.probleem",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
    "DATE_FORMAT": "iso-8601",
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "jeugdsturing API",
    "DESCRIPTION": (
        "Lezen wat uw rol in de regio mag zien: referentiegegevens, aanbieders en "
        "contracten, geld, indicatoren, aanbestedingen (OCDS), sturing, signalen en "
        "raadsrapportages; aanleveren voor aanbieders en de data-analist. Elke aanroep "
        "vraagt hetzelfde toegangsbeleid als de pagina's (docs/rollen.md)."
    ),
    "VERSION": API_VERSIE,
    "OAS_VERSION": "3.0.3",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SORT_OPERATIONS": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "jeugdsturing.api.schema.nabewerking",
    ],
    "CONTACT": {"name": "jeugdsturing", "url": "https://github.com/jeugdsturing"},
    "LICENSE": {"name": "EUPL-1.2"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
