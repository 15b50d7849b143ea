"""The load-test command works end to end: gunicorn under production settings on PostgreSQL,
a short run, figures written. (The real run, 100,000 practices and 50 users, is by hand: see the
README.)"""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import NoReverseMatch, reverse

from bench.load_test import _without_password, percentile

ROOT = Path(__file__).resolve().parents[2]


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.50) == 50
    assert percentile([7], 0.95) == 7
    assert percentile([3, 1, 2], 0.99) == 3


def test_figures_never_show_the_database_password():
    shown = _without_password("postgres://portal:s3cret@db.example:5432/portal")
    assert shown == "postgres://portal@db.example:5432/portal"


def pages_that_exist():
    try:
        reverse("practice_list")
    except NoReverseMatch:
        return "home"
    return "home,list,search,detail"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_test_runs_gunicorn_and_writes_the_figures(tmp_path):
    call_command("seed_demo", stdout=StringIO())
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    output = tmp_path / "load.md"
    pages = pages_that_exist()
    command = [sys.executable, "bench/load_test.py", url, "--pages", pages]
    command += ["--users", "4", "--duration", "1", "--warmup", "0", "--workers", "2"]
    command += ["--think", "0", "0.2"]
    done = subprocess.run(  # noqa: S603 - our own script
        [*command, "--output", str(output)], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = output.read_text()
    for page in pages.split(","):
        assert f"| {page} |" in figures
