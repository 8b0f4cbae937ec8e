"""The unit catalogue fixtures keep every fact of their seeds, cleaned of PDF-extraction noise and nothing else.

The expected criterion codes, range items, guidance and headings are parsed from the seed files in
fixtures/seeds/ themselves, so a fixture that drops or invents a criterion or an item fails here.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from units.models import (
    AssessmentCriterion,
    AssessmentGuidance,
    EvidenceRequirement,
    LearningOutcome,
    NosMapping,
    RangeHeading,
    RangeItem,
    Unit,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
FIXTURES = sorted((ROOT / "fixtures" / "units").glob("*.json"))
KEYS = ["000", "001", "002", "003"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(db):
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)


# --- reading the seeds -------------------------------------------------------------------------------------------

def seed(key: str) -> str:
    [path] = SEEDS.glob(f"{key}_*.txt")
    return path.read_text(encoding="utf-8")


def flat(text: str) -> str:
    """The seed as one line of words: bold markers gone, every run of whitespace (line breaks too) one space."""
    return " ".join(text.replace("**", "").split())


# A pass code such as 1.1 anywhere in the text: 003's LO4 prints its codes mid-line, between table columns.
PASS_CODE = re.compile(r"(?<![\d./])(\d\.\d)(?![\d./])")
# A grading code printed as "1 M1" or "2 D1".
GRADING_CODE = re.compile(r"(?<![\w.])(\d) ([MD]\d)\b")
E_BULLET = re.compile(r"^e\s+(\S.*?)\s*$", re.MULTILINE)
DASH_BULLET = re.compile(r"^-\s+(?!\d\.\d)(\S.*?)\s*$", re.MULTILINE)


def seed_criterion_codes(key: str) -> list[str]:
    """Pass codes in the order the seed prints them, then the grading codes, as "1M1"."""
    text = seed(key)
    return list(dict.fromkeys(PASS_CODE.findall(text))) + ["".join(m) for m in GRADING_CODE.findall(text)]


def seed_items(key: str) -> list[str]:
    """Every bulleted list item: "e Age" bullets (000) and "- item" bullets other than criteria (001)."""
    text = seed(key)
    return [item.replace("**", "") for item in E_BULLET.findall(text) + DASH_BULLET.findall(text)]


def seed_001_range_headings() -> list[str]:
    """The short "Heading:" lines inside 001's Range sections, bold markers and colon removed."""
    headings = []
    for section in re.split(r"^Range$", seed("001"), flags=re.MULTILINE)[1:]:
        section = re.split(r"^(?:Learning outcome|Additional Guidance)", section, flags=re.MULTILINE)[0]
        for line in section.splitlines():
            line = line.strip()
            if line.endswith(":") and not line.startswith("-") and len(line.split()) <= 6:
                headings.append(line.replace("**", "").rstrip(":"))
    return headings


def seed_000_additional_guidance() -> list[str]:
    """The paragraphs of 000's "Additional Guidance" column: neither an outcome, a criterion nor a bullet."""
    column = seed("000").split("The Learner can:")[1].split("\nAssessment\n")[0]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", column)]
    return [p for p in paragraphs if p and not re.match(r"\d|e\s", p)]


def seed_001_bold_words() -> dict[str, set[str]]:
    """Criterion code -> the lower-cased words printed in bold in that criterion."""
    bold = {}
    for code, line in re.findall(r"^- (\d\.\d) (.*)$", seed("001"), flags=re.MULTILINE):
        bold[code] = {w.lower() for phrase in re.findall(r"\*\*(.+?)\*\*", line) for w in phrase.split()}
    return bold


def seed_portfolio_guidance_001() -> list[str]:
    tail = seed("001").split("Additional Guidance if delivered as Portfolio based", 1)[1]
    return [line.strip() for line in tail.splitlines() if line.strip()]


# --- reading the fixtures ----------------------------------------------------------------------------------------

def codes(key: str) -> list[str]:
    return list(AssessmentCriterion.objects.filter(unit__key=key).order_by("order").values_list("code", flat=True))


def items(key: str, kind: str | None = None) -> list[str]:
    qs = RangeItem.objects.filter(heading__unit__key=key)
    if kind:
        qs = qs.filter(heading__kind=kind)
    return list(qs.order_by("heading__order", "order").values_list("text", flat=True))


def headings(key: str) -> list[RangeHeading]:
    return list(RangeHeading.objects.filter(unit__key=key).select_related("criterion", "learning_outcome"))


def all_texts(key: str) -> list[tuple[str, str]]:
    """(label, text) for every piece of wording the fixture stores for a unit."""
    unit = Unit.objects.get(key=key)
    texts = [(f"unit.{f}", getattr(unit, f)) for f in ("title", "aim", "assessment_method",
                                                       "assessment_requirements", "additional_information")]
    texts += [(f"LO{lo.number}", lo.text) for lo in unit.learning_outcomes.all()]
    texts += [(f"AC {c.code}", c.text) for c in unit.criteria.all()]
    for h in unit.range_headings.all():
        texts += [(f"heading {h.order}", h.heading), (f"heading {h.order} body", h.body)]
        texts += [(f"item {h.order}.{i.order}", i.text) for i in h.items.all()]
    texts += [(f"NOS {n.code} suite", n.suite) for n in unit.nos_mappings.all()]
    texts += [(f"NOS {n.code}", n.title) for n in unit.nos_mappings.all()]
    texts += [(f"guidance {g.order} heading", g.heading) for g in unit.guidance.all()]
    texts += [(f"guidance {g.order}", g.text) for g in unit.guidance.all()]
    texts += [(f"requirement {r.kind}", r.description) for r in unit.evidence_requirements.all()]
    return [(label, text) for label, text in texts if text]


# Wording that is faithful to the seed but not one contiguous run of its words, each for a stated reason.
NOT_CONTIGUOUS = {
    ("000", "unit.title"),  # inferred: the seed has no title
    ("002", "unit.title"),  # inferred
    ("003", "unit.title"),  # inferred
    ("000", "NOS CFACSB14 suite"),  # the suite name is split over two table rows
    ("000", "NOS CFACSB15 suite"),
    ("003", "LO4"),  # 003's LO4 table is printed with its three columns interleaved line by line
    ("003", "AC 4.1"),
    ("003", "AC 4M1"),
}


def is_subsequence(text: str, of: str) -> bool:
    """Every word of text appears in `of`, in the same order (table-cell colons ignored)."""
    it = iter(word.rstrip(":") for word in of.split())
    return all(word.rstrip(":") in it for word in text.split())


# --- criteria ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_each_unit_has_exactly_the_criterion_codes_its_seed_prints(key):
    assert codes(key) == seed_criterion_codes(key)


def test_the_seed_parser_finds_the_codes_the_domain_guide_describes():
    # Guards the parser itself against silently finding nothing.
    assert seed_criterion_codes("000") == [f"{lo}.{n}" for lo, last in ((1, 5), (2, 6), (3, 3)) for n in range(1, last + 1)]
    assert seed_criterion_codes("002") == [f"{lo}.{n}" for lo, last in ((1, 4), (2, 8), (3, 5)) for n in range(1, last + 1)]
    assert seed_criterion_codes("003")[-4:] == ["1M1", "2D1", "3D1", "4M1"]
    assert len(seed_criterion_codes("003")) == 16


@pytest.mark.parametrize("key", KEYS)
def test_each_pass_criterion_belongs_to_the_learning_outcome_its_code_names(key):
    for criterion in AssessmentCriterion.objects.filter(unit__key=key).select_related("learning_outcome"):
        assert criterion.learning_outcome.number == int(criterion.code[0]), criterion.code
        assert criterion.learning_outcome.unit_id == criterion.unit_id


@pytest.mark.parametrize("key", KEYS)
def test_each_unit_has_the_learning_outcomes_its_seed_numbers(key):
    numbers = [int(n) for n in re.findall(r"^\s*(\d)\.?\s+(?:Understand|understand|Be able)", seed(key), re.MULTILINE)]
    assert list(LearningOutcome.objects.filter(unit__key=key).values_list("number", flat=True)) == numbers


def test_003_ties_its_four_grading_criteria_to_learning_outcomes_1_to_4_with_merit_and_distinction_bands():
    grading = AssessmentCriterion.objects.filter(unit__key="003").exclude(band="pass").order_by("order")
    assert [(c.code, c.learning_outcome.number, c.band) for c in grading] == [
        ("1M1", 1, "merit"),
        ("2D1", 2, "distinction"),
        ("3D1", 3, "distinction"),
        ("4M1", 4, "merit"),
    ]
    assert Unit.objects.get(key="003").grading_scheme == "pmd"


def test_003_orders_all_pass_criteria_before_the_grading_criteria():
    bands = list(AssessmentCriterion.objects.filter(unit__key="003").order_by("order").values_list("band", flat=True))
    assert bands == ["pass"] * 12 + ["merit", "distinction", "distinction", "merit"]


def test_only_003_is_graded_and_only_003_has_merit_or_distinction_criteria():
    assert list(Unit.objects.filter(grading_scheme="pmd").values_list("key", flat=True)) == ["003"]
    assert set(AssessmentCriterion.objects.exclude(band="pass").values_list("unit__key", flat=True)) == {"003"}


# --- range and guidance ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_each_unit_has_exactly_the_range_and_guidance_items_its_seed_bullets(key):
    assert items(key) == seed_items(key)


def test_000_bullets_are_guidance_and_001_bullets_are_range():
    assert len(items("000", "guidance")) == len(seed_items("000")) == 8
    assert len(items("001", "range")) == len(seed_items("001")) == 62
    assert set(RangeHeading.objects.filter(unit__key="000").values_list("kind", flat=True)) == {"guidance"}
    assert set(RangeHeading.objects.filter(unit__key="001").values_list("kind", flat=True)) == {"range"}


def test_002_and_003_have_no_range_or_guidance_headings():
    assert not RangeHeading.objects.filter(unit__key__in=["002", "003"]).exists()


def test_001_has_the_range_headings_its_seed_prints_in_order():
    assert [h.heading for h in headings("001")] == seed_001_range_headings()


def test_001_ties_each_range_heading_to_the_criterion_whose_bold_words_name_it():
    bold = seed_001_bold_words()
    for h in headings("001"):
        assert h.learning_outcome is None
        if bold[h.criterion.code]:
            assert h.heading.split()[0].lower() in bold[h.criterion.code], (h.heading, h.criterion.code)


def test_001_ties_its_range_headings_to_the_criteria_named_in_the_issue():
    assert [(h.heading, h.criterion.code) for h in headings("001")] == [
        ("Customer experience", "1.1"),
        ("Methods of segmenting customers", "1.2"),
        ("Methods of characterising customers", "1.2"),
        ("Purpose of customer relationship management", "1.3"),
        ("Scope of customer relationship management", "1.3"),
        ("Features", "1.4"),
        ("Uses to an organisation", "1.5"),
        ("Benefits", "2.2"),
        ("Factors", "2.3"),
        ("Techniques to attract customers", "2.4"),
        ("Techniques to retain customers", "2.4"),
        ("Factors", "2.6"),
        ("Techniques", "3.1"),
        ("Factors", "3.2"),
        ("Techniques to measure customer satisfaction", "3.3"),
    ]


def test_001_ties_purpose_and_scope_to_criterion_1_3():
    tied = RangeHeading.objects.filter(unit__key="001", criterion__code="1.3").order_by("order")
    assert [h.heading.split()[0] for h in tied] == ["Purpose", "Scope"]


def test_001_ties_techniques_to_attract_and_to_retain_to_criterion_2_4():
    tied = RangeHeading.objects.filter(unit__key="001", criterion__code="2.4").order_by("order")
    assert [h.heading for h in tied] == ["Techniques to attract customers", "Techniques to retain customers"]


def test_001_customer_experience_heading_keeps_its_prose_in_the_body_and_has_three_items():
    heading = RangeHeading.objects.get(unit__key="001", heading="Customer experience")
    assert heading.body.startswith("The customer experience is the sum of all the experiences")
    assert heading.body.endswith("Any organisation that can do that can:")
    assert heading.body in flat(seed("001"))
    assert [i.text for i in heading.items.all()] == [
        "encourage customer loyalty",
        "improve customer satisfaction",
        "where relevant increase income",
    ]


def test_000_has_one_guidance_heading_per_paragraph_of_its_additional_guidance_column():
    parsed = seed_000_additional_guidance()
    assert len(parsed) == 4
    assert [h.heading for h in headings("000")] == parsed


def test_000_ties_its_additional_guidance_to_criteria_1_2_and_3_1_and_3_3_and_to_learning_outcome_1():
    ties = [
        (h.heading.split()[0], h.criterion.code if h.criterion else None,
         h.learning_outcome.number if h.learning_outcome else None, h.items.count())
        for h in headings("000")
    ]
    assert ties == [
        ("Segmenting", "1.2", None, 5),
        ("CRM", None, 1, 0),
        ("Performance", "3.1", None, 3),
        ("Techniques", "3.3", None, 0),
    ]


# --- unit facts --------------------------------------------------------------------------------------------------

def test_001_carries_its_unit_number_uan_level_credits_glh_and_assessment_method_from_the_seed():
    header = dict(re.findall(r"^([A-Za-z ]+):\t(.*)$", seed("001"), re.MULTILINE))
    unit = Unit.objects.get(key="001")
    assert unit.unit_number == re.match(r"Unit (\S+)", seed("001")).group(1) == "306/696"
    assert unit.uan == header["UAN"] == "J/506/2910"
    assert unit.level == int(header["Level"]) == 3
    assert unit.credit_value == int(header["Credit value"]) == 4
    assert unit.glh == int(header["GLH"]) == 35
    assert unit.assessment_method == header["Assessment type"] == "E-volve or portfolio of evidence"
    assert unit.assessment_requirements == header["Assessment requirements specified by a sector or regulatory body"]
    assert unit.aim == header["Aim"]
    assert unit.awarding_body == "City & Guilds"
    assert unit.title == "Understand customers and customer retention"
    assert not unit.title_inferred


def test_000_and_002_are_ocr_units_as_their_seeds_say():
    for key in ("000", "002"):
        assert "externally verified by OCR Assessors" in seed(key)
        assert Unit.objects.get(key=key).awarding_body == "OCR"


def test_units_whose_seed_has_no_title_carry_an_inferred_title_derived_from_the_aim():
    for key in ("000", "002", "003"):
        unit = Unit.objects.get(key=key)
        assert unit.title_inferred, key
        assert unit.title not in flat(seed(key)), f"{key}: a title printed in the seed should not be marked inferred"
        # Every word of the inferred title comes from the aim.
        aim_words = set(re.findall(r"[\w()]+", unit.aim.lower()))
        assert set(re.findall(r"[\w()]+", unit.title.lower())) <= aim_words | {"understand"}, key
    assert Unit.objects.get(key="002").title == "Understand customers and the relationship between customers and organisations"


def test_003_has_no_awarding_body_reference_numbers_level_credits_or_glh():
    unit = Unit.objects.get(key="003")
    assert (unit.awarding_body, unit.unit_number, unit.uan) == ("", "", "")
    assert (unit.level, unit.credit_value, unit.glh) == (None, None, None)


def test_no_unit_but_001_claims_reference_numbers_level_credits_or_glh():
    for unit in Unit.objects.exclude(key="001"):
        assert (unit.unit_number, unit.uan, unit.level, unit.credit_value, unit.glh) == ("", "", None, None, None)


def test_000_and_001_map_to_nos_cfacsb14_and_cfacsb15_and_002_and_003_to_none():
    for key in ("000", "001"):
        assert "CFACSB14" in seed(key)
        mapped = list(NosMapping.objects.filter(unit__key=key).values_list("code", "title"))
        assert [code for code, _ in mapped] == ["CFACSB14", "CFACSB15"]
        assert mapped[0][1] == "Review the quality of customer service"
    assert NosMapping.objects.get(unit__key="001", code="CFACSB15").title == "Build and maintain effective customer relations"
    assert not NosMapping.objects.filter(unit__key__in=["002", "003"]).exists()


def test_001_requires_a_report_of_3000_to_5000_words_as_its_seed_says():
    minimum, maximum = map(int, re.search(r"minimum of (\d+) words to a maximum of (\d+) words", seed("001")).groups())
    requirement = EvidenceRequirement.objects.get(unit__key="001")
    assert (requirement.kind, requirement.min_words, requirement.max_words) == ("report", minimum, maximum)
    assert (minimum, maximum) == (3000, 5000)
    assert requirement.description in flat(seed("001"))
    assert EvidenceRequirement.objects.count() == 1


def test_001_keeps_each_portfolio_guidance_paragraph_as_one_guidance_line():
    lines = AssessmentGuidance.objects.filter(unit__key="001")
    assert [g.text for g in lines] == seed_portfolio_guidance_001()
    assert {g.heading for g in lines} == {"Additional Guidance if delivered as Portfolio based"}


def test_ocr_units_keep_their_assessment_lines_and_additional_information():
    for key in ("000", "002"):
        guidance = list(AssessmentGuidance.objects.filter(unit__key=key).values_list("heading", "text"))
        assert guidance[:2] == [
            ("Assessment", "This unit is internally assessed by centre staff and externally verified by OCR Assessors."),
            ("Guidance on assessment", "Skills CFA Assessment Strategy Competence units (S/NVQ)"),
        ]
        assert Unit.objects.get(key=key).additional_information.startswith("For further information regarding")
    nos_paragraphs = AssessmentGuidance.objects.filter(unit__key="000", heading__contains="(NOS) mapping")
    assert [g.text.split()[:2] for g in nos_paragraphs] == [["The", "mapping"], ["NOS", "can"]]
    assert AssessmentGuidance.objects.filter(unit__key="002").count() == 2


def test_003_keeps_its_assessment_guidance_paragraph_including_the_lo4_plan():
    [line] = AssessmentGuidance.objects.filter(unit__key="003")
    assert line.heading == "Assessment guidance"
    assert line.text.endswith("for LO4, produce a plan for a specific organisation.")


# --- wording -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", KEYS)
def test_every_stored_wording_appears_word_for_word_in_its_seed(key):
    seed_flat = flat(seed(key))
    for label, text in all_texts(key):
        if (key, label) in NOT_CONTIGUOUS:
            assert is_subsequence(text, seed_flat) or label == "unit.title", (label, text)
        else:
            assert text in seed_flat, (label, text)


@pytest.mark.parametrize("key", KEYS)
def test_no_stored_wording_still_carries_extraction_noise(key):
    for label, text in all_texts(key):
        assert text == text.strip(), label
        assert "\n" not in text and "\t" not in text and "  " not in text, label
        assert "**" not in text, label
        assert not re.match(r"e\s", text), label
        assert not re.search(r"[|«]", text), label
        assert not re.match(r"-\s", text), label


def test_wording_keeps_the_seeds_own_quotes_and_typos():
    assert AssessmentCriterion.objects.get(unit__key="000", code="1.1").text.endswith("\u201ccustomer experience\u201d")
    assert AssessmentCriterion.objects.get(unit__key="001", code="1.1").text.endswith("'customer experience'")
    assert Unit.objects.get(key="002").aim.startswith("This unit aims to aims to develop")
    assert LearningOutcome.objects.get(unit__key="001", number=1).text == "understand Customer Relationship Management (CRM)"
    assert LearningOutcome.objects.get(unit__key="000", number=1).text == "Understand customer relationship management (CRM)"
