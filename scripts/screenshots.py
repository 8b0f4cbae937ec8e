"""Screenshots of the main pages from the demo data, and the first pages of the demo pack, for the README.

Run with `make screenshots`: it builds a separate demo database, serves it, and drives Chromium.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASSWORD = "attest"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

MAX_HEIGHT = 1600  # long pages are cut here, to keep the PNGs small

# (user, path, file name, viewport width)
PAGES = [
    ("learner", "/units/", "catalogue", 1280),
    ("learner", "/units/001/", "unit-001", 1280),
    ("learner", "/portfolio/", "learner-home", 1280),
    ("learner", "/portfolio/", "learner-home-phone", 390),
    ("learner", "/portfolio/evidence/", "evidence-list", 1280),
    ("assessor", "/assessment/caseload/", "assessor-caseload", 1280),
    ("assessor", "/assessment/grid/?unit=001", "tracking-grid-001", 1280),
    ("iqa", "/assessment/iqa/", "iqa-home", 1280),
    ("verifier", "/assessment/verifier/", "verifier-home", 1280),
    ("admin", "/assessment/centre/", "admin-home", 1280),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="attest-screens-"))
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{workdir}/demo.sqlite3",
        "EVIDENCE_ROOT": str(workdir / "evidence"),
    }
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "loaddata", *sorted(str(p) for p in (REPO / "fixtures" / "units").glob("*.json")), "-v0")
    _manage(env, "demo_data")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=REPO, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        time.sleep(3)
        _capture_pages(f"http://127.0.0.1:{port}", extra_pages(env))
        _capture_pack(env, workdir)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Screenshots written to {OUT.relative_to(REPO)}/")


def extra_pages(env) -> list[tuple[str, str, str, int]]:
    """Pages whose address depends on the demo data's ids, found through the ORM."""
    code = (
        "import django, json; django.setup();"
        "from portfolios.models import Enrolment;"
        "e = Enrolment.objects.get(learner__username='learner', unit__key='001');"
        "g = Enrolment.objects.get(learner__username='learner', unit__key='003');"
        "print(json.dumps({'e001': e.pk, 'e003': g.pk, 'cohort': e.cohort_id}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True, text=True, check=True,
    ).stdout
    import json

    ids = json.loads(out.strip().splitlines()[-1])
    return [
        ("learner", f"/portfolio/units/{ids['e001']}/", "learner-unit-001", 1280),
        ("learner", f"/portfolio/units/{ids['e003']}/", "learner-unit-003-phone", 390),
        ("assessor", f"/assessment/learner-units/{ids['e003']}/", "assessment-page-003", 1280),
        ("iqa", f"/assessment/iqa/cohorts/{ids['cohort']}/", "sampling-plan", 1280),
        ("iqa", f"/assessment/iqa/cohorts/{ids['cohort']}/coverage/", "iqa-coverage", 1280),
        ("verifier", f"/assessment/learner-units/{ids['e001']}/", "verifier-learner-unit-001", 1280),
    ]


def _capture_pages(base: str, extra: list) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or None, args=CHROMIUM_ARGS)
        for user, path, name, width in PAGES + extra:
            phone = width < 500
            page = browser.new_page(viewport={"width": width, "height": 844 if phone else 900}, reduced_motion="reduce")
            page.goto(f"{base}/login/")
            page.fill("#id_username", user)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            response = page.goto(f"{base}{path}")
            if response is None or response.status >= 400:
                print(f"skipped {name}: {path} answered {response.status if response else 'nothing'}")
            else:
                height = min(page.evaluate("document.documentElement.scrollHeight"), 844 * 2 if phone else MAX_HEIGHT)
                page.screenshot(
                    path=str(OUT / f"{name}.png"), full_page=True, scale="css",
                    clip={"x": 0, "y": 0, "width": width, "height": height},
                )
            page.close()
        browser.close()


def _capture_pack(env, workdir: Path) -> None:
    pack = workdir / "pack.pdf"
    _manage(env, "export_pack", "--learner", "learner", "--unit", "J/506/2910", "--output", str(pack))
    for old in OUT.glob("pack-*.png"):
        old.unlink()
    from pypdf import PdfReader

    texts = [(page.extract_text() or "") for page in PdfReader(str(pack)).pages]
    grid = next(n for n, text in enumerate(texts, start=1) if n > 2 and "Tracking grid" in text[:200])
    for name, number in (("pack-cover", 1), ("pack-tracking-grid", grid)):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(number), "-l", str(number), str(pack), str(OUT / name)],
            check=True,
        )


if __name__ == "__main__":
    main()
