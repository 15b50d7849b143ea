"""Load test: the production server (gunicorn, DEBUG=0) on PostgreSQL, 50 concurrent users.

    .venv/bin/python manage.py generate_practices 100000      # once, with the same DATABASE_URL
    .venv/bin/python bench/load_test.py postgres://postgres@127.0.0.1:5432/portal_load

For each page (home, list, search, detail) in turn: a warm-up, then `--users` threads that each
send requests for `--duration` seconds over loopback, pausing between two requests as a person
reading the page would (`--think`, seconds: a random pause between its two bounds, 1 to 5 by
default, as in Locust's examples; `--think 0 0` sends them back to back, which measures how much
the server can take rather than what people wait). Prints and writes to bench/results/load.md
the requests per second and the 50th/95th/99th percentile latency of each page. Only the
standard library: one thread per user, http.client.
It never creates data: the database must already hold the practices to measure against.
"""

import argparse
import http.client
import os
import platform
import random
import secrets
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"  # loopback only
SEARCH_TERMS = ["youth", "employment", "housing", "language", "women", "rural", "mentorat"]
PAGES = ["home", "list", "search", "detail"]
TARGET_P95_MS = 150


def production_env(database_url, redis_url):
    env = dict(os.environ)
    for name in ("REDIS_URL", "DEMO_DATA_NOTICE"):
        env.pop(name, None)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def discover_paths(env, language):
    """The paths of each page, found by the portal itself (translated URLs, real practices)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        list_url = reverse("practice_list")
        published = apps.get_model("practices", "PromisingPractice").objects.published()
        sample = list(published.order_by("?")[:500])
        if not sample:
            sys.exit("No published practice in this database: run generate_practices first.")
        return published.count(), {
            "home": [reverse("home")],
            "list": [list_url],
            "search": [f"{list_url}?{urlencode({'q': term})}" for term in SEARCH_TERMS],
            "detail": [practice.get_absolute_url() for practice in sample],
        }


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers):
    # Whitenoise serves the collected, compressed files in production settings.
    collectstatic = [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(collectstatic, cwd=ROOT, env=env, check=True)  # noqa: S603 - fixed argv
    server = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        [
            *(PYTHON, "-m", "gunicorn", "config.wsgi:application"),
            *("--bind", f"{HOST}:{port}", "--workers", str(workers)),
            *("--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}")
        try:
            status, _ = get(http.client.HTTPConnection(HOST, port, timeout=5), "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within 60 s")


def get(connection, path):
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body)


def hammer(port, paths, users, seconds, think=(0, 0)):
    """`users` threads, each sending requests for `seconds`, pausing a random time between the
    `think` bounds after each answer; latencies in ms."""
    latencies, failures = [], []
    lock = threading.Lock()
    start = threading.Barrier(users + 1)

    def user(number):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        pauses = random.Random(number)  # noqa: S311 - think times, not secrets
        mine, bad = [], []
        start.wait()
        stop = time.monotonic() + seconds
        if think[1]:
            # People arrive over time, not all in the same millisecond (Locust's spawn rate).
            time.sleep(pauses.uniform(0, think[1]))
        sent = number
        while time.monotonic() < stop:
            path = paths[sent % len(paths)]
            sent += users
            began = time.perf_counter()
            try:
                status, _ = get(connection, path)
            except (OSError, http.client.HTTPException) as error:
                bad.append(f"{path}: {error.__class__.__name__}")
                connection.close()
                continue
            mine.append((time.perf_counter() - began) * 1000)
            if status != 200:
                bad.append(f"{path}: HTTP {status}")
            if think[1]:
                time.sleep(min(pauses.uniform(*think), max(0, stop - time.monotonic())))
        with lock:
            latencies.extend(mine)
            failures.extend(bad)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join()
    return latencies, failures, time.monotonic() - began


def percentile(values, share):
    """Nearest-rank percentile (share between 0 and 1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def summarise(page, latencies, failures, elapsed):
    return {
        "page": page,
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "errors": len(failures),
    }


def report(rows, settings):
    lines = [
        "# Load test",
        "",
        f"{settings['when']}, commit `{settings['commit']}`, {settings['machine']}, load average "
        f"{settings['load']} before the run (other work on the machine skews the figures).",
        "",
        f"Command: `{settings['command']}`",
        "",
        f"gunicorn with {settings['workers']} sync workers, production settings (DEBUG=0), "
        f"{settings['cache']}; PostgreSQL with {settings['practices']} published practices. "
        f"{settings['users']} concurrent users {settings['think']}, {settings['duration']} s per "
        f"page after a {settings['warmup']} s warm-up, on loopback, pages in "
        f"`/{settings['language']}/`. Target: 95th percentile under {TARGET_P95_MS} ms.",
        "",
        "| page | requests | requests/s | p50 ms | p95 ms | p99 ms | errors | p95 target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        verdict = "met" if row["p95"] < TARGET_P95_MS and not row["errors"] else "missed"
        lines.append(
            f"| {row['page']} | {row['requests']} | {row['rps']:.1f} | {row['p50']:.0f} "
            f"| {row['p95']:.0f} | {row['p99']:.0f} | {row['errors']} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def git_commit():
    try:
        command = ["git", "rev-parse", "--short", "HEAD"]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603,S607
        return done.stdout.strip()
    except OSError:
        return "unknown"


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", help="postgres://… of a database already filled")
    parser.add_argument("--redis-url", help="Redis for the cache, as in production (optional)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=3, help="seconds before measuring")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 5.0),
        metavar=("MIN", "MAX"),
        help="seconds a user pauses between two pages (random between MIN and MAX); 0 0: none",
    )
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--pages", default=",".join(PAGES), help=f"among {','.join(PAGES)}")
    parser.add_argument("--language", default="en", choices=["en", "fr"])
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "load.md")
    args = parser.parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("the load test runs against PostgreSQL: give a postgres:// URL")
    args.pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    return args


def main(argv=None):
    args = parse(argv)
    env = production_env(args.database_url, args.redis_url)
    needs_practices = set(args.pages) & {"list", "search", "detail"}
    if needs_practices:
        practices, paths = discover_paths(env, args.language)
    else:
        practices, paths = "no", {"home": [f"/{args.language}/"]}
    load = f"{os.getloadavg()[0]:.1f}"
    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    rows, failures = [], []
    try:
        for page in args.pages:
            if args.warmup:
                hammer(port, paths[page], args.users, args.warmup, args.think)
            latencies, failed, elapsed = hammer(
                port, paths[page], args.users, args.duration, args.think
            )
            if not latencies:
                sys.exit(f"{page}: no request succeeded ({failed[:3]})")
            rows.append(summarise(page, latencies, failed, elapsed))
            failures.extend(failed)
            row = rows[-1]
            print(
                f"{page:>7}: {row['rps']:7.1f} req/s  p50 {row['p50']:6.0f} ms  "
                f"p95 {row['p95']:6.0f} ms  p99 {row['p99']:6.0f} ms  errors {row['errors']}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    settings = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}",
        "load": load,
        "command": "python bench/load_test.py " + " ".join(_shown(argv or sys.argv[1:])),
        "workers": args.workers,
        "cache": f"Redis cache ({args.redis_url})" if args.redis_url else "in-memory cache",
        "practices": practices,
        "users": args.users,
        "think": (
            f"each pausing {args.think[0]:g} to {args.think[1]:g} s between two pages"
            if args.think[1]
            else "with no think time (requests back to back)"
        ),
        "duration": args.duration,
        "warmup": args.warmup,
        "language": args.language,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report(rows, settings))
    print(f"written to {args.output}")
    if failures:
        print(f"{len(failures)} failed requests, e.g. {failures[:5]}", file=sys.stderr)
        return 1
    return 0


def _shown(argv):
    """The command line as given, without a password in the database URL."""
    return [_without_password(arg) for arg in argv]


def _without_password(arg):
    if "://" in arg and "@" in arg:
        scheme, rest = arg.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return arg


if __name__ == "__main__":
    sys.exit(main())
