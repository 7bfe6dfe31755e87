"""gunicorn for Bilateral (deploy/prod.py starts it: `gunicorn -c deploy/gunicorn.conf.py`).

Behind the caching proxy on loopback only. GUNICORN_WORKERS (default 2 × the CPUs it may run on + 1) and APP_PORT
(default 8001) come from the environment.
"""

import os
import sys
from pathlib import Path

# The project's log format for gunicorn's own lines, imported before Django is set up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bilateral.operations.logs import gunicorn_logging_config  # noqa: E402

wsgi_app = "bilateral.wsgi:application"
bind = f"127.0.0.1:{os.environ.get('APP_PORT', '8001')}"
# Counted on the CPUs gunicorn may run on: with nginx on CPUs of its own (deploy/prod.py: PROXY_CPUS),
# the app's.
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * len(os.sched_getaffinity(0)) + 1)
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
# Error log on stderr, access log on stdout (GUNICORN_ACCESS_LOG=0: none), both in LOG_FORMAT (json by
# default, as the production settings' lines) with the request id the app answered with.
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
logconfig_dict = gunicorn_logging_config(
    os.environ.get("LOG_FORMAT", "json"),
    loglevel.upper(),
    access_log=os.environ.get("GUNICORN_ACCESS_LOG", "1") not in ("0", "false", "False", ""),
)
# gunicorn's control socket is one per user ($HOME/.gunicorn/gunicorn.ctl): two stacks on one machine
# (`make prod` and the proxy tests) would fight over it, and nothing here uses it.
control_socket_disable = True
