"""Forms for assessment and quality assurance: they validate and normalise; services do the work."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone

from assessment.models import IqaDecision, Outcome, SampleEntry
from assessment.progress import CriterionStatus
from assessment.services.submissions import DECLARATION_TEXT
from people.models import Enrolment, Role, User


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[(Outcome.MET, "Met — sign off"), (Outcome.NOT_YET_MET, "Not yet met"), (Outcome.FEEDBACK, "Feedback only, no decision yet")],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label="Feedback to the learner", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required for Not yet met and Feedback only: say what to add or change.",
    )
    declaration = forms.BooleanField(label="", required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, declaration_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["declaration"].label = declaration_text
        self.fields["declaration"].help_text = "Required to sign off as met."


class UnlockForm(forms.Form):
    reason = forms.CharField(label="Reason for unlocking", widget=forms.Textarea(attrs={"rows": 2}))


class DeclarationForm(forms.Form):
    declaration = forms.BooleanField(label="")

    def __init__(self, *args, declaration_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["declaration"].label = declaration_text


class SampleEntryForm(forms.Form):
    enrolment = forms.ModelChoiceField(label="Learner-unit", queryset=Enrolment.objects.none())
    stage = forms.ChoiceField(label="Stage", choices=SampleEntry.Stage.choices)
    risk = forms.ChoiceField(label="Risk", choices=SampleEntry.Risk.choices, initial=SampleEntry.Risk.MEDIUM)
    reason = forms.CharField(label="Reason: the risk this sample addresses", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, enrolments=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["enrolment"]
        field.queryset = enrolments.select_related("learner", "unit")
        field.label_from_instance = lambda e: f"{e.learner} — unit {e.unit.key} {e.unit.title}"


class IqaDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="Your decision", choices=IqaDecision.Outcome.choices, widget=forms.RadioSelect)
    comments = forms.CharField(label="Comments", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    action_1 = forms.CharField(label="Action for the assessor", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_1 = forms.DateField(label="Due date", required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    action_2 = forms.CharField(label="Second action (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_2 = forms.DateField(label="Second action's due date", required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        for n in (1, 2):
            if data.get(f"action_{n}", "").strip() and not data.get(f"due_{n}"):
                self.add_error(f"due_{n}", "Give the action a due date.")
        return data

    def actions(self) -> list[tuple[str, object]]:
        return [(self.cleaned_data[f"action_{n}"], self.cleaned_data[f"due_{n}"]) for n in (1, 2) if self.cleaned_data[f"action_{n}"].strip()]


class ActionDoneForm(forms.Form):
    note = forms.CharField(label="What you did", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class GrantForm(forms.Form):
    verifier = forms.ModelChoiceField(label="External verifier", queryset=User.objects.filter(role=Role.VERIFIER, is_active=True))
    name = forms.CharField(label="Name of the sample", max_length=200)
    enrolments = forms.ModelMultipleChoiceField(
        label="Learner-units in the sample", queryset=Enrolment.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    expires_on = forms.DateField(
        label="Access expires at the end of", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        initial=lambda: timezone.localdate() + timedelta(days=30),
    )

    def __init__(self, *args, enrolments=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["enrolments"]
        field.queryset = enrolments.select_related("learner", "unit")
        field.label_from_instance = lambda e: f"{e.learner} — unit {e.unit.key} {e.unit.title}"

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day < timezone.localdate():
            raise forms.ValidationError("Choose today or a later date.")
        return day

    def expires_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["expires_on"] + timedelta(days=1), time.min))


class GridFilterForm(forms.Form):
    unit = forms.ChoiceField(label="Unit", required=False)
    assessor = forms.TypedChoiceField(label="Assessor", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status")] + CriterionStatus.choices)

    def __init__(self, *args, units=(), assessors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.key, f"{u.key} {u.title}") for u in units]
        self.fields["assessor"].choices = [("", "All assessors")] + [(a.pk, str(a)) for a in assessors]


class SubmissionForm(forms.Form):
    declaration = forms.BooleanField(
        label=DECLARATION_TEXT,
        required=True,
        error_messages={"required": "Tick the declaration to confirm the work is your own."},
    )
