"""Gunicorn's configuration (``gunicorn -c python:cms.ops.gunicorn cms.wsgi``).

Sync workers, as many as ``GUNICORN_WORKERS``, sharing one listening socket: a request waits
in the socket's queue until a worker is free, so when a worker dies only the request it was
handling is lost and the master starts a replacement. The access log is off because the app
logs every request itself, as JSON with its request id (:mod:`cms.ops.requests`); gunicorn's
own messages use the same JSON format.
"""

from cms import env
from cms.ops.logging import logging_config

wsgi_app = "cms.wsgi:application"
workers = env.read("GUNICORN_WORKERS")
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# The queue of accepted connections waiting for a free worker.
backlog = 2048
# The proxy in front runs on the same machine (or sets X-Forwarded-* itself).
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = None
logconfig_dict = logging_config(env.read("LOG_LEVEL"))
