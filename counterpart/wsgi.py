import os

from django.core.wsgi import get_wsgi_application

from counterpart.clock import start_from_environment

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "counterpart.settings")
start_from_environment()
application = get_wsgi_application()
