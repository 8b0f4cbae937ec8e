"""Benchmark a representative verification pack against WeasyPrint alone rendering the same HTML.

20 evidence items: 10 photos of 2000×1500, 5 PDFs of 5 pages, 5 text reports of 3,000 words.
Uses its own throwaway SQLite database and evidence directory. Run: .venv/bin/python scripts/bench_pack.py
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="attest-bench-"))
os.environ.update(
    {
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "EVIDENCE_ROOT": str(WORK / "evidence"),
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
)
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def _setup_data():
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("loaddata", *sorted(str(p) for p in (ROOT / "fixtures" / "units").glob("*.json")), verbosity=0)
    from people.models import Centre, Cohort, Enrolment, Role, User
    from tests.packs import factories as f
    from units.models import Unit

    centre = Centre.objects.create(name="Bench College", centre_number="B001")
    cohort = Cohort.objects.create(centre=centre, name="Bench cohort")
    people = {r: User.objects.create(username=r, display_name=f"Bench {r}", role=r, centre=centre) for r in
              (Role.LEARNER, Role.ASSESSOR, Role.IQA)}
    unit = Unit.objects.get(key="001")
    enrolment = Enrolment.objects.create(learner=people[Role.LEARNER], unit=unit, cohort=cohort,
                                         assessor=people[Role.ASSESSOR], iqa=people[Role.IQA])
    learner = people[Role.LEARNER]
    criteria = list(unit.criteria.order_by("order"))
    items = []
    for n in range(10):
        photo = {f"photo-{n + 1:02d}.jpg": _photo(n)}
        items.append(f.evidence(learner, f"Photo {n + 1} of the customer display", kind="product", files=photo))
    for n in range(5):
        document = {f"document-{n + 1}.pdf": f.pdf_bytes(5, f"Document {n + 1}")}
        items.append(f.evidence(learner, f"Workplace document {n + 1}", kind="product", files=document))
    for n in range(5):
        items.append(f.evidence(learner, f"Report {n + 1}", body=_report(3000, n), body_format="markdown"))
    for i, item in enumerate(items):
        f.claim(item, criteria[i % len(criteria)], where=f"Section {i + 1}")
    f.submit(enrolment)
    for criterion in criteria:
        f.decide(enrolment, criterion, "met")
    return enrolment


def _photo(seed: int) -> bytes:
    import io

    from PIL import Image

    noise = [Image.effect_noise((2000, 1500), 40 + seed).point(lambda v, s=s: (v + s * 60) % 256) for s in range(3)]
    gradient = Image.linear_gradient("L").resize((2000, 1500))
    image = Image.merge("RGB", [Image.blend(n, gradient, 0.6) for n in noise])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _report(words: int, seed: int) -> str:
    vocabulary = ("customer retention loyalty scheme feedback complaint service experience segment value "
                  "relationship satisfaction survey repeat purchase analysis data team improve").split()
    paragraphs, count, i = [], 0, seed
    while count < words:
        sentence_words = [vocabulary[(i * 7 + k * 3) % len(vocabulary)] for k in range(60)]
        i += 1
        count += len(sentence_words)
        paragraphs.append(" ".join(sentence_words).capitalize() + ".")
        if i % 6 == 0:
            paragraphs.append(f"## Section {i // 6}")
    return "\n\n".join(paragraphs)


def _in_child(function):
    """Run `function` in a forked child; return (its JSON result, the child's peak RSS in MB)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            result = function()
            os.write(write_end, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    return json.loads(b"".join(chunks) or b"null"), usage.ru_maxrss / 1024


def _app_build(enrolment):
    from packs.builder import build_pdf
    from packs.context import pack_data

    def run():
        started = time.perf_counter()
        data = pack_data(pack_id="bench", enrolment=enrolment)
        manifest = build_pdf(data, WORK / "pack.pdf")
        return {"seconds": time.perf_counter() - started, "pages": manifest["pages"]}

    return _in_child(run)


def _weasyprint_alone(enrolment, *, gc_off=False):
    from weasyprint import HTML

    from packs.context import pack_data
    from packs.images import ImageCache
    from packs.prepare import prepare_item
    from packs.render import PackURLFetcher, pack_html

    def run():
        data = pack_data(pack_id="bench", enrolment=enrolment)
        scratch = Path(tempfile.mkdtemp(dir=WORK))
        images = ImageCache(scratch)
        for lu in data["units"]:
            for item in lu["evidence"]:
                prepare_item(item, lu["prefix"], scratch, images)
        data["integrity_reference"] = "ATT-0000-0000-0000-0000"
        html = pack_html(data)
        if gc_off:  # as the app's build does, for a like-for-like comparison
            import gc

            gc.disable()
        started = time.perf_counter()
        document = HTML(string=html, base_url="attest-static:", url_fetcher=PackURLFetcher(images.paths)).render()
        pdf = document.write_pdf()
        seconds = time.perf_counter() - started
        (WORK / "weasyprint-alone.pdf").write_bytes(pdf)
        return {"seconds": seconds, "pages": len(document.pages)}

    return _in_child(run)


def main():
    enrolment = _setup_data()
    app_runs, base_runs, like_runs = [], [], []
    for _ in range(RUNS):
        base_runs.append(_weasyprint_alone(enrolment))
        like_runs.append(_weasyprint_alone(enrolment, gc_off=True))
        app_runs.append(_app_build(enrolment))
    app_time = statistics.median(r[0]["seconds"] for r in app_runs)
    base_time = statistics.median(r[0]["seconds"] for r in base_runs)
    like_time = statistics.median(r[0]["seconds"] for r in like_runs)
    pages = app_runs[0][0]["pages"]
    peak = max(r[1] for r in app_runs)
    size = (WORK / "pack.pdf").stat().st_size / 1e6
    print("Representative pack: 20 evidence items (10 photos 2000×1500, 5 PDFs × 5 pages, 5 reports × 3,000 words)")
    print(f"runs: {RUNS} (medians)")
    print(f"app build:          {app_time:6.2f} s, {pages} pages, {pages / app_time:5.1f} pages/s, {size:.1f} MB")
    print(f"WeasyPrint alone:   {base_time:6.2f} s, {base_runs[0][0]['pages']} pages (same HTML, same images)")
    print(f"  with GC off:      {like_time:6.2f} s (the app's build runs with the cycle collector off)")
    print(f"app overhead:       {100 * (app_time / like_time - 1):+.1f}% over WeasyPrint alone with GC off (target ≤ 15%)")
    print(f"                    {100 * (app_time / base_time - 1):+.1f}% against WeasyPrint alone with default GC")
    print(f"peak RSS of build:  {peak:.0f} MB (target < 500 MB); WeasyPrint alone {max(r[1] for r in base_runs):.0f} MB")
    print(f"output:             {WORK / 'pack.pdf'}")


if __name__ == "__main__":
    main()
