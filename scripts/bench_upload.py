#!/usr/bin/env python
"""Measure server memory while uploading a large evidence file through Django's real request handling.

Usage: .venv/bin/python scripts/bench_upload.py [--size-mb 500] [--sizes 50,500]

Each size runs in a fresh process, so the peak resident set size (getrusage ru_maxrss) belongs to that
upload alone. The request body is written to disk first and streamed to Django as wsgi.input, as a WSGI
server would; the view stores the file through the normal upload pipeline (sniff, hash, store).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_one(size_mb: int) -> dict:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-upload-secret-key-not-for-production-0123456789")
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    work = Path(tempfile.mkdtemp(prefix="attest-bench-"))
    os.environ["EVIDENCE_ROOT"] = str(work / "evidence")
    os.environ["FILE_UPLOAD_TEMP_DIR"] = str(work)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.client import ClientHandler
    from django.test.utils import setup_test_environment

    from people.models import Role, User
    from portfolios.models import StoredFile
    from tests.bigfile import write_multipart_wav, wsgi_environ

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    learner = User.objects.create_user(username="bench", password="x", role=Role.LEARNER)
    client = Client()
    client.force_login(learner)
    cookie = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    body_path = work / "body.bin"
    size = size_mb * 1024 * 1024
    fields = {"kind": "other", "title": "Benchmark recording", "date": "2026-11-02", "body_format": "plain"}
    length = write_multipart_wav(body_path, size=size, fields=fields)

    rss_before = _rss_mb()
    started = time.perf_counter()
    with open(body_path, "rb") as body:
        tracemalloc.start()
        response = ClientHandler(enforce_csrf_checks=False)(
            wsgi_environ(path="/portfolio/evidence/new/", body=body, length=length, cookie=cookie)
        )
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    stored = StoredFile.objects.get()
    shutil.rmtree(work, ignore_errors=True)
    assert response.status_code == 200 and "redirect" in json.loads(response.content), response.content[:300]
    assert stored.size == size
    return {
        "file_mb": size_mb,
        "seconds": round(seconds, 1),
        "rss_before_mb": round(rss_before, 1),
        "rss_peak_mb": round(_rss_mb(), 1),
        "rss_growth_mb": round(_rss_mb() - rss_before, 1),
        "traced_peak_mb": round(traced_peak / 2**20, 1),
        "sha256": stored.sha256[:16] + "…",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, help="run one upload of this size in this process")
    parser.add_argument("--sizes", default="50,500", help="comma-separated sizes, each in a fresh process")
    args = parser.parse_args()
    if args.size_mb:
        print(json.dumps(run_one(args.size_mb)))
        return
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run(
            [sys.executable, __file__, "--size-mb", str(size)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'file MB':>8} {'seconds':>8} {'RSS before':>11} {'RSS peak':>9} {'growth':>7} {'traced peak':>12}")
    for r in rows:
        print(
            f"{r['file_mb']:>8} {r['seconds']:>8} {r['rss_before_mb']:>11} {r['rss_peak_mb']:>9} {r['rss_growth_mb']:>7} {r['traced_peak_mb']:>12}"
        )


if __name__ == "__main__":
    main()
