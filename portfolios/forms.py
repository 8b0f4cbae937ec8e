"""Forms validate and normalise what people type; services do the work."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from portfolios.models import EvidenceVersion, RecordConfirmation
from portfolios.services import RECORD_KINDS, TITLE_MAX
from portfolios.uploads.sniffing import ALLOWED_LABEL
from units.models import AssessmentCriterion, EvidenceKind

ACCEPT = ".pdf,.docx,.odt,.xlsx,.pptx,.txt,.jpg,.jpeg,.png,.heic,.mp3,.m4a,.wav,.mp4,.mov,.webm"
LEARNER_KINDS = [(value, label) for value, label in EvidenceKind.choices if value not in RECORD_KINDS]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked for content by the upload pipeline, not here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT, "data-upload-input": ""}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _files_help() -> str:
    return f"{ALLOWED_LABEL}; up to {filesizeformat(settings.ATTEST_MAX_UPLOAD_BYTES)} per file. Choose several at once or drag them here."


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(choices=LEARNER_KINDS, initial=EvidenceKind.REPORT)
    title = forms.CharField(max_length=TITLE_MAX)
    date = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}), help_text="When the evidence was produced.")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    body_format = forms.ChoiceField(
        choices=EvidenceVersion.BodyFormat.choices,
        initial=EvidenceVersion.BodyFormat.PLAIN,
        label="Text format",
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label="Text written here",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "data-word-count": "", "aria-describedby": "word-count-live"}),
        help_text="Optional. Write your report here, or upload it as a file below, or both.",
    )
    files = MultipleFileField(label="Files")

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _files_help()
        if editing:
            self.fields["files"].label = "Add files"
            del self.fields["kind"]

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("body", "").strip() and not data.get("files") and self.fields.get("kind"):
            raise forms.ValidationError("Write some text or choose at least one file; evidence needs content.")
        return data


class AddFilesForm(forms.Form):
    files = MultipleFileField(label="Add files", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _files_help()


class MappingForm(forms.Form):
    criterion = forms.ModelChoiceField(queryset=AssessmentCriterion.objects.select_related("unit"), label="Criterion")
    range_items = forms.TypedMultipleChoiceField(
        coerce=int, required=False, label="Range covered", widget=forms.CheckboxSelectMultiple
    )
    location_note = forms.CharField(
        max_length=300,
        required=False,
        label="Where to look",
        help_text="A page, a section or a timestamp, e.g. “section 2, pages 4–6”.",
    )

    def __init__(self, *args, range_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["range_items"].choices = list(range_choices)


class RecordForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k.value, k.label) for k in RECORD_KINDS])
    title = forms.CharField(max_length=TITLE_MAX)
    date = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    duration_minutes = forms.IntegerField(min_value=1, max_value=24 * 60, label="Duration (minutes)")
    participants = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), help_text="Who took part, and their roles."
    )
    body = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 10}))
    files = MultipleFileField(
        label="Recording (optional)", help_text="An audio or video recording: MP3, M4A, WAV, MP4, MOV or WebM."
    )
    criteria = forms.ModelMultipleChoiceField(
        queryset=AssessmentCriterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Criteria covered",
        required=False,
    )

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["criteria"].queryset = unit.criteria.order_by("order")
            self.fields["criteria"].label_from_instance = lambda c: f"{c.code} {c.text}"


class RecordConfirmationForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=RecordConfirmation.Outcome.choices, widget=forms.RadioSelect, label="Is this record accurate?"
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="Required if you dispute the record."
    )
