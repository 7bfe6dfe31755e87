"""A task for the scale-out test: each run appends its number to a file, so runs can be counted."""

import os

from django_tasks import task


@task()
def record_run(path, number):
    with open(path, "a") as runs:  # O_APPEND: lines from two processes never interleave
        runs.write(f"{number} {os.getpid()}\n")
    return number
