"""Real HTTP: Redis and gunicorn (production settings, 2 workers) driven by ``wrk``.

Reuses the pieces of ``scripts/serve-stack`` (``make serve``) without Varnish, so that what
is measured is the app server itself; the anchor is a static file that whitenoise serves
from the same worker processes (the practical upper limit of one request).
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 8
#: wrk reports p50/p95 in microseconds through this script (its --latency lacks p95).
PERCENTILES_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P50_US %d\\n", latency:percentile(50)))
  io.write(string.format("P95_US %d\\n", latency:percentile(95)))
end
"""


def _serve_stack():
    loader = importlib.machinery.SourceFileLoader("serve_stack", str(ROOT / "scripts/serve-stack"))
    return loader.load_module()


def _wrk(url: str, headers: dict[str, str], duration: int, script: Path) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "-s", str(script), url]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": int(re.search(r"P50_US (\d+)", output).group(1)) / 1000,
        "p95_ms": int(re.search(r"P95_US (\d+)", output).group(1)) / 1000,
        "errors": int(errors.group(1)) if errors else 0,
    }


def _static_file() -> str:
    manifest = json.loads((ROOT / "static" / "staticfiles.json").read_text())["paths"]
    name = next(value for key, value in sorted(manifest.items()) if key.endswith(".css"))
    return f"/static/{name}"


def _rss_mb(master_pid: int) -> list[float]:
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            sizes.append(int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1)) / 1024)
    return sorted(sizes)


def serve_and_load(table, size: int, urls: dict[str, str], key: str, duration: int) -> dict:
    """Rows of the "HTTP" group in ``table``; returns the workers' RSS and the tools used."""
    missing = [tool for tool in ("wrk", "redis-server") if shutil.which(tool) is None]
    if missing:
        print(f"bench: HTTP rows skipped, missing {', '.join(missing)}")
        return {"skipped": f"missing {', '.join(missing)}"}
    serve_stack = _serve_stack()
    workdir = Path(tempfile.mkdtemp(prefix="eduverkko-bench."))
    (workdir / "logs").mkdir()
    stack = serve_stack.Stack(workdir, workdir / "logs")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": "http://127.0.0.1",
        "SECURE_HTTPS": "false",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "WARNING",
    }
    script = workdir / "percentiles.lua"
    script.write_text(PERCENTILES_LUA)
    try:
        environment["CACHE_URL"] = serve_stack.start_redis(stack, environment)["url"]
        subprocess.run(
            [*serve_stack.MANAGE, "collectstatic", "--no-input", "-v", "0"],
            cwd=ROOT, env=environment, check=True,
        )  # fmt: skip
        (server,) = serve_stack.start_app_servers(stack, environment, 1)
        base = f"http://127.0.0.1:{server['port']}"
        api = {"X-Api-Key": key}
        with urllib.request.urlopen(
            urllib.request.Request(base + urls["api_list"], headers=api)
        ) as response:
            etag = response.headers["ETag"]
        rows = [
            ("static file (whitenoise)", _static_file(), {}, None),
            ("API list of 20", urls["api_list"], api, "static file (whitenoise)"),
            ("API detail", urls["api_detail"], api, "static file (whitenoise)"),
            ("API filtered list", urls["api_filtered"], api, "static file (whitenoise)"),
            ("API 304 revalidation", urls["api_list"], {**api, "If-None-Match": etag},
             "static file (whitenoise)"),
            ("listing page", urls["listing"], {}, "static file (whitenoise)"),
            ("detail page", urls["detail"], {}, "static file (whitenoise)"),
        ]  # fmt: skip
        load = []
        for name, path, headers, anchor in rows:
            result = _wrk(base + path, headers, duration, script)
            load.append(os.getloadavg()[0])
            row = table.add("HTTP gunicorn ×2", name, size, [result["p50_ms"]], None, anchor)
            row.update(rps=result["rps"], p95_ms=result["p95_ms"], errors=result["errors"])
        time.sleep(0.5)
        return {
            "rss_mb": _rss_mb(server["pid"]),
            "connections": CONNECTIONS,
            "duration_s": duration,
            "load_average_during": load,
        }
    finally:
        stack.stop()
