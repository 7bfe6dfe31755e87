"""The request id, from the proxy to the task: the middleware takes X-Request-ID (or makes one) for
the request's log lines and answers with it; a task queued meanwhile carries it in its stored row and
the worker restores it while that task runs, so its log lines name the request that caused them."""

from .logs import accepted_request_id, current_request_id, request_id_var

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"  # read from META directly: request.headers would copy every header first
# Kept beside the task's arguments in django-tasks-db's row; the library reads only "args" and "kwargs".
STORED_KEY = "request_id"


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that every line logged while answering carries the id. It stays set
    until the response is closed: Django logs a 4xx or 5xx answer after the middleware returned it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted_request_id(request.META.get(META_KEY))
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def forget_finished_request(sender, **kwargs):
    request_id_var.set(None)


def remember_request_id(sender, instance, **kwargs):
    """pre_save of a queued task's row: the request (or task) that queued it."""
    request_id = current_request_id()
    if instance._state.adding and request_id and isinstance(instance.args_kwargs, dict):
        instance.args_kwargs = {**instance.args_kwargs, STORED_KEY: request_id}


# Tokens of the ids set for the tasks this worker is running, to reset each when it finishes.
_running = {}


def restore_request_id(sender, task_result, **kwargs):
    """task_started in the worker: the id its row carries. (The immediate backend runs the task inside
    the request, whose id is already set; its results have no stored row.)"""
    row = getattr(task_result, "db_result", None)
    request_id = row.args_kwargs.get(STORED_KEY) if row is not None and isinstance(row.args_kwargs, dict) else None
    if request_id:
        _running[task_result.id] = request_id_var.set(request_id)


def forget_request_id(sender, task_result, **kwargs):
    token = _running.pop(task_result.id, None)
    if token is not None:
        request_id_var.reset(token)


def connect_signals():
    from django.core.signals import request_finished
    from django.db.models.signals import pre_save
    from django_tasks_db.compat import task_finished, task_started
    from django_tasks_db.models import DBTaskResult

    request_finished.connect(forget_finished_request, dispatch_uid="bilateral.request_id.finished")
    pre_save.connect(remember_request_id, sender=DBTaskResult, dispatch_uid="bilateral.request_id.remember")
    task_started.connect(restore_request_id, dispatch_uid="bilateral.request_id.restore")
    task_finished.connect(forget_request_id, dispatch_uid="bilateral.request_id.forget")
