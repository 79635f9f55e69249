"""A stand-in Elasticsearch on 127.0.0.1 that records every request and answers like ES 9.

Enough of the REST API for index management, document writes, bulk, search and count, so
the real ``elasticsearch`` client and modelsearch code paths run unchanged; tests then assert
on exactly what was sent. ``search_hits`` sets the page ids the next searches return.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HEADERS = {
    "X-Elastic-Product": "Elasticsearch",
    "Content-Type": "application/vnd.elasticsearch+json; compatible-with=9",
}


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict
    body: object

    @property
    def ndjson(self) -> list[dict]:
        return self.body if isinstance(self.body, list) else []


@dataclass
class StubElasticsearch:
    requests: list[RecordedRequest] = field(default_factory=list)
    search_hits: list[int] = field(default_factory=list)
    aggregations: dict = field(default_factory=dict)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def matching(self, method: str, pattern: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]

    def indexed_documents(self) -> dict[str, dict]:
        """Every document sent, by id, from single writes and bulk requests alike."""
        documents = {}
        for request in self.matching("PUT", r"/_doc/") + self.matching("POST", r"/_doc/"):
            documents[request.path.rsplit("/", 1)[1]] = request.body
        for request in self.matching("POST", r"_bulk$") + self.matching("PUT", r"_bulk$"):
            lines = request.ndjson
            for action, source in zip(lines[::2], lines[1::2], strict=False):
                documents[next(iter(action.values()))["_id"]] = source
        return documents

    def answer(self, method: str, path: str, body) -> tuple[int, dict]:
        parts = [part for part in path.split("/") if part]
        if method == "HEAD" or (method == "GET" and "_alias" in parts):
            return 404, {"error": "not found", "status": 404}
        if method == "DELETE" and len(parts) == 1:
            return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
        if parts and parts[-1] == "_bulk":
            items = [
                {next(iter(action)): {"_id": next(iter(action.values()))["_id"], "status": 200}}
                for action in body[::2]
            ]
            return 200, {"took": 1, "errors": False, "items": items}
        if "_doc" in parts:
            return 200, {
                "_index": parts[0],
                "_id": parts[-1],
                "result": "deleted" if method == "DELETE" else "created",
                "_version": 1,
                "_seq_no": 0,
                "_primary_term": 1,
                "_shards": {"total": 1, "successful": 1, "failed": 0},
            }
        if parts and parts[-1] == "_search":
            hits = [
                {"_id": str(pk), "_score": 1.0, "fields": {"pk": [str(pk)]}}
                for pk in self.search_hits
            ]
            response = {"hits": {"total": {"value": len(hits)}, "hits": hits}}
            if isinstance(body, dict) and "aggregations" in body:
                response["aggregations"] = {
                    name: {"buckets": self.aggregations.get(name, [])}
                    for name in body["aggregations"]
                }
            return 200, response
        if parts and parts[-1] == "_count":
            return 200, {"count": len(self.search_hits)}
        if parts and parts[-1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return 200, {"acknowledged": True, "index": parts[0] if parts else ""}


def _parse_body(raw: bytes):
    if not raw:
        return None
    text = raw.decode()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def start_stub() -> StubElasticsearch:
    stub = StubElasticsearch()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = _parse_body(self.rfile.read(length))
            url = urlsplit(self.path)
            stub.requests.append(RecordedRequest(self.command, url.path, parse_qs(url.query), body))
            status, payload = stub.answer(self.command, url.path, body)
            data = json.dumps(payload).encode()
            self.send_response(status)
            for name, value in HEADERS.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        def log_message(self, *args) -> None:
            pass

    stub.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=stub.server.serve_forever, daemon=True).start()
    return stub


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: the engine is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
