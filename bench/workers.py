"""Real `celery -A config worker` processes for the crash benchmark and the digests' worker
tests: started against this process's database, killed as in a crash, stopped warmly."""

import os
import signal
import subprocess
import sys
import time
import uuid

from django.conf import settings
from django.db import connection


def database_url():
    """This process's database, as a DATABASE_URL for the worker."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}{port}/{db['NAME']}"


class WorkerFailed(Exception):
    pass


class Worker:
    """One worker with one pool process, in its own process group (so that a kill takes both),
    its output in `log_path`. `env`: the worker's settings on top of this process's environment
    (the EMAIL_ variables left out)."""

    def __init__(self, log_path, env, name, timeout=60):
        self.log_path, self.timeout = log_path, timeout
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")},
            "DATABASE_URL": database_url(),
            "LOG_LEVEL": "INFO",  # the worker says " ready." at INFO
            **env,
        }
        self.name = f"{name}-{uuid.uuid4().hex[:8]}@%h"
        self.killed = False

    def start(self):
        """Start it and wait until it says it is ready (WorkerFailed if it exits or is late)."""
        self.log = open(self.log_path, "w")  # closed in kill() or stop()
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork"]
        command += ["--concurrency=1", "--loglevel=INFO", "-n", self.name]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command,
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.timeout
        while " ready." not in self.log_path.read_text():
            self.check()
            if time.monotonic() > deadline:
                raise WorkerFailed(f"worker {self.name} did not start")
            time.sleep(0.1)
        return self

    def check(self):
        if self.process.poll() is not None and not self.killed:
            raise WorkerFailed(f"worker exited by itself:\n{self.log_path.read_text()[-3000:]}")

    def kill(self):
        """SIGKILL to the worker and its pool process: no shutdown, no cleanup, as in a crash."""
        self.killed = True
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=self.timeout)
        self.log.close()

    def stop(self):
        """A warm shutdown (the worker lets its pool finish), a kill if it does not end."""
        if self.log.closed:
            return
        if self.process.poll() is None:
            self.killed = True
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=self.timeout)
        self.log.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
