"""cProfile of one request on the dataset ``bench/run.py`` left behind (the profile of a miss).

    python bench/profile_request.py "/api/v1/trainings/?limit=20" [--cold] [--runs 20] [--top 30]

Uses the same settings and database as ``bench/run.py`` (DATABASE_URL, or its SQLite file);
a partner key is issued for the API. ``--cold`` empties the caches before each request.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from django.test import Client

from bench.run import (
    DEFAULT_DB,
    cold,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    print(f"database: {os.environ.get('DATABASE_URL', DEFAULT_DB)}", file=sys.stderr)

    from cms.api.models import PartnerKey
    from cms.vocabularies.models import Organisation

    organisation = Organisation.objects.filter(locale__language_code="fi").first()
    _row, key = PartnerKey.issue(name="profile", organisation=organisation, daily_quota=10**9)
    client = Client(HTTP_X_API_KEY=key)
    assert client.get(args.url).status_code == 200
    profiler = cProfile.Profile()
    for _ in range(args.runs):
        if args.cold:
            cold()
        profiler.enable()
        client.get(args.url)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
