"""Settings for the shop project.

Everything that differs between a laptop and production comes from ``SHOP_*``
environment variables. Each one has a development default, so the project imports and
``manage.py check`` passes with an empty environment; the SMS gateway key is the only
value without a default, and it is read when the first SMS is sent
(``customers.notifications``), not here.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SHOP_SECRET_KEY", "dev-only-insecure-key")
DEBUG = os.getenv("SHOP_DEBUG", "False") == "True"
ALLOWED_HOSTS = os.environ.get("SHOP_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "featuredocs",
    "core",
    "catalog",
    "orders",
    "customers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite keeps the example self-contained: the PostgreSQL backend imports its driver as
# soon as the first model class is created, so it cannot be configured without psycopg.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / os.environ.get("SHOP_DB_NAME", "shop.sqlite3"),
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shop",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("SHOP_FROM_EMAIL", "orders@shop.example")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.StandardPagination",
}

# --- Features ----------------------------------------------------------------------

CATALOG_IMPORT = {
    "max_rows": int(os.getenv("SHOP_IMPORT_MAX_ROWS", "50000")),
    "default_currency": "EUR",
}

ORDER_EXPIRY = {
    "enabled": os.getenv("SHOP_ORDER_EXPIRY_ENABLED", "True") == "True",
    "window_hours": int(os.getenv("SHOP_ORDER_WINDOW_HOURS", "48")),
    "notify": {
        "channel": "email",
        "template": "orders/expired.txt",
    },
}

REMINDERS = {
    "email": {
        "from_address": DEFAULT_FROM_EMAIL,
        "template": "customers/reminder.txt",
    },
    "sms": {
        "gateway_url": os.getenv("SHOP_SMS_GATEWAY_URL", "https://sms.shop.example/v1/messages"),
        "sender_id": "SHOP",
        "template": "customers/reminder_sms.txt",
        "timeout_seconds": 10,
    },
}
