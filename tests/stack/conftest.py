"""The production stack, started once for the session by ``scripts/serve-stack``.

``stack`` runs ``scripts/with-postgres scripts/serve-stack`` from a fresh database with the
demo content, two gunicorn app servers of two workers each, moto as the media object store,
Redis, the workers and Varnish, all on free loopback ports, and an Elasticsearch URL that
points at a closed port (configured but down: search falls back to the database). Every
process writes its own log under the session's temporary directory. At the end the
fixture stops the stack as Ctrl-C would and checks that every process it started is gone.

``STACK_STATE_FILE=<file>`` reuses a stack started by hand with ``--state-file`` and
``--log-dir`` instead (and leaves it running), to iterate on the tests.

The tests talk to it over real HTTP only, and change content as an editor or a worker
would: through the admin, or through the ORM in a ``manage.py shell`` of the stack's own
settings (:meth:`Stack.shell`).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 900


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@dataclass
class Stack:
    """Addresses, process ids and logs of the running stack, and what the tests measured."""

    state: dict
    log_dir: Path
    #: Counters reported at the end of the session (requests, purges, uploads, faults, lost).
    measured: dict[str, float] = field(default_factory=dict)
    #: Processes a test started in place of the stack's own (stopped at the end).
    extra_processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.state["url"]

    def app_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.state['app_servers'][index]['port']}"

    def count(self, name: str, amount: float = 1) -> None:
        self.measured[name] = self.measured.get(name, 0) + amount

    def get(self, path: str, *, base: str | None = None, **kwargs) -> requests.Response:
        self.count("requests")
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return requests.get((base or self.url) + path, **kwargs)

    def shell(self, code: str) -> object:
        """Run ``code`` in ``manage.py shell`` with the stack's settings; the JSON it prints."""
        environment = {**os.environ, **self.state["env"]}
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        return json.loads(lines[-1]) if lines else None

    def log_lines(self, name: str) -> list[str]:
        return (self.log_dir / f"{name}.log").read_text(errors="replace").splitlines()

    def all_pids(self) -> list[int]:
        pids = [server["pid"] for server in self.state["app_servers"]]
        pids += [self.state[name] for name in ("worker", "purge_worker", "scheduler")]
        pids += [self.state[name]["pid"] for name in ("redis", "object_store", "varnish")]
        return pids


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    reuse = os.environ.get("STACK_STATE_FILE")
    if reuse:
        # While writing tests: a stack already started by hand with --state-file/--log-dir.
        state = json.loads(Path(reuse).read_text())
        reused = Stack(state, Path(state["log_dir"]))
        yield reused
        for process in reused.extra_processes:
            process.terminate()
        return
    workdir = tmp_path_factory.mktemp("stack")
    state_file = workdir / "state.json"
    log_dir = workdir / "logs"
    log_dir.mkdir()
    closed_port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_STORAGE_URL"}
    }
    # Configured but down: nothing listens there.
    environment["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{closed_port}"
    environment["MEDIA_ROOT"] = str(workdir / "media")
    # Its own static files: a second test session (another worker, `make serve`) may collect
    # into ./static at the same time.
    environment["STATIC_ROOT"] = str(workdir / "static")
    # Every test client comes from 127.0.0.1; the counters are checked by their decrease.
    environment["API_ANONYMOUS_RATE"] = "100000"
    started = time.monotonic()
    launcher = subprocess.Popen(
        [
            str(ROOT / "scripts" / "with-postgres"),
            sys.executable,
            str(ROOT / "scripts" / "serve-stack"),
            "--port", str(free_port()),
            "--app-servers", "2",
            "--workers", "2",
            "--object-store",
            "--demo",
            "--state-file", str(state_file),
            "--log-dir", str(log_dir),
        ],
        cwd=ROOT,
        env=environment,
        stdout=open(log_dir / "launcher.log", "wb"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    while not state_file.exists():
        if launcher.poll() is not None or time.monotonic() - started > START_TIMEOUT:
            launcher.kill()
            pytest.fail(
                "the stack did not start:\n" + (log_dir / "launcher.log").read_text()[-5000:]
            )
        time.sleep(0.5)
    stack = Stack(json.loads(state_file.read_text()), log_dir)
    stack.measured["start_seconds"] = round(time.monotonic() - started, 1)
    try:
        yield stack
    finally:
        for process in stack.extra_processes:
            process.terminate()
            process.wait(timeout=30)
        # As Ctrl-C in a terminal: SIGINT to the launcher's whole process group.
        os.killpg(launcher.pid, signal.SIGINT)
        try:
            launcher.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            pytest.fail("the stack did not stop within 90 s of SIGINT")
        survivors = [pid for pid in stack.all_pids() if pid_alive(pid)]
        print(f"\nstack measured: {json.dumps(stack.measured, sort_keys=True)}")
        assert survivors == [], f"processes still running after Ctrl-C: {survivors}"
        assert not Path(stack.state["workdir"]).exists()


@pytest.fixture(scope="session")
def admin_session(stack) -> requests.Session:
    """An editor with every permission, signed in through Varnish."""
    password = "Stack-Admin-Pass-2026"
    stack.shell(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='stackadmin', "
        "defaults={'is_superuser': True, 'is_staff': True, 'email': 's@example.org'})\n"
        f"user.set_password({password!r}); user.save()\n"
        "print('null')"
    )
    return login(stack.url, "stackadmin", password)


def login(base: str, username: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/admin/login/", timeout=30)
    assert page.status_code == 200
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        headers={"Referer": f"{base}/admin/login/"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    return session
