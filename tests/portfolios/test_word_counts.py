"""Word counts per format, and the unit's word limits flagged before submission."""

import io

import pytest
from django.urls import reverse

from portfolios.selectors import word_count_problems
from portfolios.uploads.wordcount import count_words, file_word_count
from tests.portfolios import samples


@pytest.mark.parametrize(
    "type_key, data, words",
    [
        ("docx", samples.docx_bytes(250), 250),
        ("odt", samples.odt_bytes(180), 180),
        ("pdf", samples.pdf_bytes("Customer retention is about keeping customers"), 6),
        ("txt", ("word " * 5000).encode(), 5000),
        ("png", samples.image_bytes(), None),
    ],
)
def test_it_counts_words_in_each_document_format(type_key, data, words):
    assert file_word_count(io.BytesIO(data), type_key) == words


def test_a_text_file_split_across_chunks_counts_each_word_once():
    data = ("abcdefghij " * 300_000).encode()  # over 3 MB: several 1 MB chunks, words straddling the joins
    assert file_word_count(io.BytesIO(data), "txt") == 300_000


def test_the_word_rule_ignores_markdown_punctuation():
    assert count_words("# Title\n\n* one — two's *three* 4.5") == 6


def test_a_short_report_mapped_to_unit_001_is_flagged(cast, make_evidence):
    enrolment = cast["enrolments"][("learner", "001")]
    make_evidence(body="word " * 2500, map_to=[("001", "1.1")])
    problems = word_count_problems([enrolment])[enrolment.pk]
    assert [p.problem for p in problems] == ["2,500 words is under the minimum of 3,000."]


def test_words_in_uploaded_documents_count_towards_the_limit(cast, make_evidence):
    enrolment = cast["enrolments"][("learner", "001")]
    make_evidence(
        body="word " * 500, uploads=[samples.upload("r.docx", samples.docx_bytes(3000))], map_to=[("001", "1.1")]
    )
    assert word_count_problems([enrolment])[enrolment.pk] == []


def test_a_long_report_is_flagged_as_over(cast, make_evidence):
    enrolment = cast["enrolments"][("learner", "001")]
    make_evidence(body="word " * 5200, map_to=[("001", "1.1")])
    assert "over the maximum of 5,000" in word_count_problems([enrolment])[enrolment.pk][0].problem


def test_the_learner_sees_the_problem_before_submitting_and_the_assessor_sees_it_too(cast, client_for, make_evidence):
    enrolment = cast["enrolments"][("learner", "001")]
    make_evidence(body="word " * 2500, map_to=[("001", "1.1")])
    page = client_for(cast["learner"]).get(reverse("learner:submit", args=[enrolment.pk]))
    assert b"under the minimum of 3,000" in page.content
    page = client_for(cast["assessor"]).get(reverse("learner:unit", args=[enrolment.pk]))
    assert b"under the minimum of 3,000" in page.content
