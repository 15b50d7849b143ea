"""Timing a page through Django's test client: shared by the benchmarks that time pages."""

import statistics
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client


class PageTiming:
    """Mixed into a benchmark command: `_client()`, then `_time(client, url, requests)`."""

    def _client(self):
        host = next((h for h in settings.ALLOWED_HOSTS if h not in ("*",)), "127.0.0.1")
        return Client(HTTP_HOST=host.lstrip("."), secure=not settings.DEBUG)

    def _time(self, client, url, requests):
        """(median, p95, max) in ms over `requests` after five warm-ups, and the query count."""
        for _warm_up in range(5):
            self._get(client, url)
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
        ):
            self._get(client, url)
        timings, cpu = [], []
        for _ in range(requests):
            began, began_cpu = time.perf_counter(), time.process_time()
            self._get(client, url)
            timings.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        # This process's CPU time (the database's is not in it): moves less with the neighbours'
        # load than the elapsed time; read by the benchmarks that print it.
        self.last_cpu_median = statistics.median(cpu)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        return statistics.median(timings), p95, timings[-1], len(queries)

    def _get(self, client, url):
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        return response
