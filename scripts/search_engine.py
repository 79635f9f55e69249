"""Start a throwaway OpenSearch or Elasticsearch node on 127.0.0.1 from Maven Central artifacts.

Used by ``scripts/with-search-engine`` (any command, e.g. ``make serve``, pytest or ``make
bench``) and by the live search tests' session fixture (``engine_node`` in
``tests/search/conftest.py``), so both start engines the same way. Standard library only: it
runs before (and outside) the project's virtualenv.

* **Resolve**: ``mvn dependency:copy`` of the engine's ``integ-test-zip`` distribution into
  ``.cache/search-engines/`` (git-ignored; Maven keeps its own copy in ``~/.m2``), unpacked
  once per version.
* **Start**: a fresh config, data and log directory under ``/tmp`` per run, a free port,
  single-node discovery, security off, a small heap, on a JDK the version accepts (as
  ``nobody`` when run as root: both engines refuse root). :meth:`EngineNode.stop` and
  :meth:`EngineNode.start` again keep the data, so a test can stop the engine and bring it back.
* **Remove**: :meth:`EngineNode.remove` kills the node and deletes its directory.

Engines (``ENGINE[:VERSION]``):

``opensearch``     ``org.opensearch.distribution.integ-test-zip:opensearch`` 2.19.6 on Java 17;
                   ``opensearch:3.6.0`` needs Java 21+ (the Temurin 25 JDK under /usr/lib/jvm).
``elasticsearch``  ``org.elasticsearch.distribution.integ-test-zip:elasticsearch`` 9.2.0 on
                   Java 21+. It starts, but this zip holds only the modules apm,
                   transport-netty4 and x-pack-core/security: no ``analysis-common`` (whitespace
                   tokenizer, lowercase and stemmer filters, language analyzers), which Maven
                   Central does not serve for 9.x, so it rejects the project's index settings.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_cache() -> Path:
    """``.cache/search-engines`` in the project, if the engine's user can reach it.

    A checkout under a private home (``/root`` is 0700) cannot be read by ``nobody``; rather
    than opening the home up, the distributions then live in ``/var/tmp``.
    """
    in_project = PROJECT_ROOT / ".cache" / "search-engines"
    reachable = all(folder.stat().st_mode & 0o001 for folder in PROJECT_ROOT.parents)
    if os.geteuid() != 0 or (reachable and PROJECT_ROOT.stat().st_mode & 0o001):
        return in_project
    return Path("/var/tmp/eduverkko-search-engines")


CACHE = Path(os.environ.get("SEARCH_ENGINE_CACHE") or default_cache())
JVM_ROOT = Path("/usr/lib/jvm")
HEAP = os.environ.get("SEARCH_ENGINE_HEAP", "512m")
START_TIMEOUT = int(os.environ.get("SEARCH_ENGINE_START_TIMEOUT", "240"))
RUN_AS = "nobody"


@dataclass(frozen=True)
class Distribution:
    """One engine version on Maven Central and what it needs to run."""

    engine: str
    group: str
    version: str
    env_prefix: str  # OPENSEARCH / ES: the launcher's environment variables
    config_file: str
    settings: tuple[str, ...]  # engine-specific lines of the node's config file
    min_java: int
    max_java: int
    url_variable: str  # what the project reads: OPENSEARCH_URL or ELASTICSEARCH_URL
    #: Modules the zip lacks, as (Maven group:artifact of the jar, plugin class).
    extra_modules: tuple[tuple[str, str], ...] = ()

    @property
    def coordinates(self) -> str:
        return f"{self.group}:{self.engine}:{self.version}:zip"

    @property
    def home(self) -> Path:
        return CACHE / f"{self.engine}-{self.version}"


def distribution(spec: str) -> Distribution:
    """``opensearch``, ``opensearch:3.6.0``, ``elasticsearch`` or ``elasticsearch:9.2.0``."""
    engine, _, version = spec.partition(":")
    if engine == "opensearch":
        version = version or "2.19.6"
        major = int(version.split(".")[0])
        return Distribution(
            engine="opensearch",
            group="org.opensearch.distribution.integ-test-zip",
            version=version,
            env_prefix="OPENSEARCH",
            config_file="opensearch.yml",
            settings=(),  # the integ-test zip has no security plugin
            # 2.x runs under the security manager, which Java 24 removed; 3.x needs 21.
            min_java=11 if major < 3 else 21,
            max_java=21 if major < 3 else 99,
            url_variable="OPENSEARCH_URL",
            # The 2.x zip holds transport-netty4 alone; Central serves the analysis jar.
            extra_modules=(
                (
                    "org.opensearch.plugin:analysis-common",
                    "org.opensearch.analysis.common.CommonAnalysisPlugin",
                ),
            )
            if major < 3
            else (),
        )
    if engine == "elasticsearch":
        return Distribution(
            engine="elasticsearch",
            group="org.elasticsearch.distribution.integ-test-zip",
            version=version or "9.2.0",
            env_prefix="ES",
            config_file="elasticsearch.yml",
            settings=("xpack.security.enabled: false", "xpack.ml.enabled: false"),
            min_java=21,
            max_java=99,
            url_variable="ELASTICSEARCH_URL",
        )
    raise SystemExit(f"search engine {spec!r}: use opensearch[:VERSION] or elasticsearch[:VERSION]")


def log(message: str) -> None:
    print(f"with-search-engine: {message}", file=sys.stderr, flush=True)


def maven_copy(coordinates: str) -> Path:
    """``group:artifact:version[:type]`` copied from Maven Central into :data:`CACHE`."""
    _group, artifact, version, *kind = coordinates.split(":")
    target = CACHE / f"{artifact}-{version}.{kind[0] if kind else 'jar'}"
    if not target.exists():
        log(f"resolving {coordinates} from Maven Central")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "mvn",
                "-B",
                "-q",
                "dependency:copy",
                f"-Dartifact={coordinates}",
                f"-DoutputDirectory={CACHE}",
            ],
            check=True,
            cwd=CACHE,
        )
    return target


def add_module(dist: Distribution, home: Path, artifact: str, plugin_class: str) -> None:
    """Install a module jar into ``home`` with the descriptor the engine's build would have
    written."""
    jar = maven_copy(f"{artifact}:{dist.version}")
    name = artifact.split(":")[1]
    module = home / "modules" / name
    module.mkdir()
    shutil.copy(jar, module / jar.name)
    (module / "plugin-descriptor.properties").write_text(
        "\n".join(
            [
                f"description={name} from Maven Central",
                f"version={dist.version}",
                f"name={name}",
                f"classname={plugin_class}",
                f"java.version={dist.min_java}",
                f"{dist.engine}.version={dist.version}",
                "extended.plugins=",
                "has.native.controller=false",
            ]
        )
        + "\n"
    )


def resolve(dist: Distribution) -> Path:
    """The unpacked distribution, downloaded through Maven Central on first use."""
    marker = dist.home / ".unpacked"
    if marker.exists():
        return dist.home
    archive = maven_copy(dist.coordinates)
    staging = Path(tempfile.mkdtemp(dir=CACHE, prefix=".unpack-"))
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            path = Path(zipped.extract(member, staging))
            mode = member.external_attr >> 16
            if mode and not member.is_dir():
                path.chmod(mode & 0o755 | 0o444)
    (top,) = staging.iterdir()
    for artifact, plugin_class in dist.extra_modules:
        add_module(dist, top, artifact, plugin_class)
    # Complete before it takes its name: another process may be resolving the same engine.
    shutil.rmtree(dist.home, ignore_errors=True)
    top.rename(dist.home)
    staging.rmdir()
    for directory in (CACHE, CACHE.parent):  # ours: the engine's user must read them
        directory.chmod(directory.stat().st_mode | 0o005)
    marker.touch()
    return dist.home


def java_major(java_home: Path) -> int:
    release = (java_home / "release").read_text() if (java_home / "release").exists() else ""
    match = re.search(r'JAVA_VERSION="(?:1\.)?(\d+)', release)
    return int(match.group(1)) if match else 0


def find_java(dist: Distribution) -> Path:
    """``SEARCH_ENGINE_JAVA_HOME``, else the oldest JDK under /usr/lib/jvm the version accepts."""
    if os.environ.get("SEARCH_ENGINE_JAVA_HOME"):
        return Path(os.environ["SEARCH_ENGINE_JAVA_HOME"])
    candidates = sorted(
        (java_major(home), home)
        for home in JVM_ROOT.glob("*")
        if (home / "bin" / "java").exists() and not home.is_symlink()
    )
    for major, home in candidates:
        if dist.min_java <= major <= dist.max_java:
            return home
    found = ", ".join(f"{home.name} ({major})" for major, home in candidates) or "none"
    raise SystemExit(
        f"{dist.engine} {dist.version} needs Java {dist.min_java}-{dist.max_java}; found {found}"
    )


def live_test_engines() -> list[str]:
    """Engines the live search tests run against: ``SEARCH_ENGINE_TESTS`` (comma-separated).

    OpenSearch 2.19 by default, which runs on Debian's Java 17; add ``opensearch:3.6.0``
    where a JDK 21+ is installed. Elasticsearch is left out: see the module docstring.
    """
    return [spec for spec in os.environ.get("SEARCH_ENGINE_TESTS", "opensearch").split(",") if spec]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class EngineNode:
    """One single-node cluster in its own directory; start/stop keep the data."""

    def __init__(self, spec: str, *, fast_start: bool = False) -> None:
        self.dist = distribution(spec)
        # C1 only: a throwaway node for tests starts sooner and needs no peak throughput.
        self.extra_java_opts = " -XX:TieredStopAtLevel=1" if fast_start else ""
        self.home = resolve(self.dist)
        self.java_home = find_java(self.dist)
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix=f"eduverkko-{self.dist.engine}-"))
        self.process: subprocess.Popen | None = None
        self._write_config()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def as_root(self) -> bool:
        return os.geteuid() == 0

    def _write_config(self) -> None:
        config = self.workdir / "config"
        shutil.copytree(self.home / "config", config)
        for name in ("data", "logs", "tmp"):
            (self.workdir / name).mkdir()
        lines = [
            "cluster.name: eduverkko-test",
            "node.name: node-1",
            "discovery.type: single-node",
            "network.host: 127.0.0.1",
            f"http.port: {self.port}",
            "transport.port: 0",
            f"path.data: {self.workdir / 'data'}",
            f"path.logs: {self.workdir / 'logs'}",
            # A shared CI disk may be fuller than the default watermarks allow.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "action.destructive_requires_name: false",
            *self.dist.settings,
        ]
        (config / self.dist.config_file).write_text("\n".join(lines) + "\n")
        # The launch scripts run from the distribution's folder, which the node must not write.
        jvm_options = config / "jvm.options"
        logs = self.workdir / "logs"
        jvm_options.write_text(
            re.sub(
                r"(file=|ErrorFile=)(logs/)?", rf"\g<1>{logs}/", jvm_options.read_text()
            ).replace("HeapDumpPath=data", f"HeapDumpPath={self.workdir / 'data'}")
        )
        if self.as_root:
            user = pwd.getpwnam(RUN_AS)
            for path in [self.workdir, *self.workdir.rglob("*")]:
                os.chown(path, user.pw_uid, user.pw_gid)

    def start(self) -> None:
        """Start the node and wait until the cluster is at least yellow."""
        prefix = self.dist.env_prefix
        variables = {
            f"{prefix}_JAVA_HOME": str(self.java_home),
            f"{prefix}_PATH_CONF": str(self.workdir / "config"),
            f"{prefix}_TMPDIR": str(self.workdir / "tmp"),
            f"{prefix}_JAVA_OPTS": (
                f"-Xms{HEAP} -Xmx{HEAP} -XX:-HeapDumpOnOutOfMemoryError{self.extra_java_opts}"
            ),
        }
        command = [str(self.home / "bin" / self.dist.engine)]
        if self.as_root:
            assignments = [f"{name}={value}" for name, value in variables.items()]
            command = ["runuser", "-u", RUN_AS, "--", "env", *assignments, *command]
        log_file = (self.workdir / "logs" / "console.log").open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=self.workdir,
            env={**os.environ, **variables},
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log_file.close()
        self._wait_until_healthy()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.dist.engine} exited:\n{self.console_tail()}")
            try:
                with urllib.request.urlopen(
                    f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=5s", timeout=10
                ) as response:
                    if json.load(response)["status"] in {"yellow", "green"}:
                        return
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(
            f"{self.dist.engine} not healthy in {START_TIMEOUT}s:\n{self.console_tail()}"
        )

    def console_tail(self, lines: int = 30) -> str:
        path = self.workdir / "logs" / "console.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def version(self) -> str:
        # Not ``GET /``: Elasticsearch serves it from the rest-root module, absent from its zip.
        with urllib.request.urlopen(f"{self.url}/_nodes/_local", timeout=10) as response:
            (node,) = json.load(response)["nodes"].values()
            return node["version"]

    def stop(self) -> None:
        """Stop the node (its data stays for the next :meth:`start`)."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def remove(self) -> None:
        """Stop the node and delete its directory."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


def run(spec: str, command: list[str]) -> int:
    """Run ``command`` with ``<ENGINE>_URL`` pointing at a fresh node; remove it afterwards."""
    # SIGTERM while the engine starts: unwind through ``finally`` so nothing is left behind.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    node = EngineNode(spec)
    try:
        started = time.monotonic()
        node.start()
        log(
            f"{node.dist.engine} {node.version()} ({node.dist.coordinates}, "
            f"Java {java_major(node.java_home)}) on {node.url}, "
            f"ready in {time.monotonic() - started:.0f}s"
        )
        env = {
            **os.environ,
            node.dist.url_variable: node.url,
            "SEARCH_ENGINE": node.dist.engine,
            "SEARCH_ENGINE_URL": node.url,
        }
        child = subprocess.Popen(command, env=env)
        forward = lambda signum, _frame: child.send_signal(signum)  # noqa: E731
        signal.signal(signal.SIGINT, forward)
        signal.signal(signal.SIGTERM, forward)
        return child.wait()
    finally:
        node.remove()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    run_parser = sub.add_parser("run", help="run a command against a throwaway engine")
    run_parser.add_argument("engine", help="opensearch[:VERSION] or elasticsearch[:VERSION]")
    run_parser.add_argument("command", nargs=argparse.REMAINDER)
    resolve_parser = sub.add_parser("resolve", help="download and unpack only (for CI caches)")
    resolve_parser.add_argument("engine")
    args = parser.parse_args(argv)
    if args.action == "resolve":
        print(resolve(distribution(args.engine)))
        return 0
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run")
    return run(args.engine, command)


if __name__ == "__main__":
    sys.exit(main())
