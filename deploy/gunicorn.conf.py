"""gunicorn for Bilateral (deploy/prod.py starts it: `gunicorn -c deploy/gunicorn.conf.py`).

Behind the caching proxy on loopback only. GUNICORN_WORKERS (default 2 × cores + 1) and APP_PORT
(default 8001) come from the environment.
"""

import multiprocessing
import os

wsgi_app = "bilateral.wsgi:application"
bind = f"127.0.0.1:{os.environ.get('APP_PORT', '8001')}"
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
# Sync workers: the proxy buffers slow clients, so a worker is busy only while it renders.
worker_class = "sync"
timeout = 60
graceful_timeout = 20
# A worker is replaced now and then, so that a slow leak never grows without bound (GUNICORN_MAX_REQUESTS;
# 0: never, as the benchmarks run it, where a restart mid-measurement would be counted against one side).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 5000)
max_requests_jitter = max_requests // 10
# Only the proxy on this machine talks to gunicorn.
forwarded_allow_ips = "127.0.0.1,::1"
proc_name = "bilateral"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# gunicorn's control socket is one per user ($HOME/.gunicorn/gunicorn.ctl): two stacks on one machine
# (`make prod` and the proxy tests) would fight over it, and nothing here uses it.
control_socket_disable = True
