"""export_pack builds synchronously from the command line, for a learner-unit or a sample."""

import re

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from records.models import AuditAction, AuditEntry
from tests.packs import factories as f


@pytest.mark.parametrize("reference", ["001", "J/506/2910", "306/696", "Unit 306/696"])
def test_it_writes_a_pack_for_any_unit_reference(reference, portfolio, tmp_path, capsys):
    output = tmp_path / "pack.pdf"
    call_command("export_pack", learner="learner", unit=reference, output=str(output))
    assert "integrity reference ATT-" in capsys.readouterr().out
    assert "Customer retention report" in "".join(p.extract_text() for p in PdfReader(output).pages)
    call_command("verify_pack", str(output))
    assert AuditEntry.objects.filter(action=AuditAction.PACK_BUILD, actor=None).exists()


def test_a_sample_pack_opens_with_an_index_of_starting_pages(cast, portfolio, tmp_path):
    enrolments = [portfolio["enrolment"], cast["enrolments"][("other_learner", "003")]]
    sample = f.verifier_sample(cast["admin"], cast["verifier"], enrolments)
    output = tmp_path / "sample.pdf"
    call_command("export_pack", sample=sample.pk, output=str(output))
    texts = [p.extract_text() for p in PdfReader(output).pages]
    index = texts[0]
    assert "Learner-units in this sample" in index
    starts = [int(n) for n in re.findall(r"p\. (\d+)", index)]
    assert len(starts) == 2
    for start in starts:
        assert texts[start - 1].lstrip().startswith("VERIFICATION PACK")
    assert "Other Learner" in texts[starts[1] - 1]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"learner": "nobody", "unit": "001"}, "No user is called 'nobody'"),
        ({"learner": "learner", "unit": "999"}, "No unit has the reference '999'"),
        ({"learner": "assessor", "unit": "001"}, "assessor is not enrolled on unit 001"),
        ({"sample": 9999}, "No verifier sample has id 9999"),
        ({"learner": "learner"}, "Give --learner USERNAME and --unit REFERENCE"),
    ],
)
def test_it_explains_what_is_wrong_with_the_arguments(options, message, cast, tmp_path):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("export_pack", output=str(tmp_path / "x.pdf"), **options)
