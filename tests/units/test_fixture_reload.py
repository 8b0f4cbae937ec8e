"""Loading the unit catalogue fixtures is repeatable: natural keys without pks update rows in place."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "units").glob("*.json"))

pytestmark = pytest.mark.django_db


def load():
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)


def unit_models():
    return list(apps.get_app_config("units").get_models())


def rows() -> dict[str, list[dict]]:
    """Every row of every units model, pks and foreign-key ids included."""
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in unit_models()}


def natural_dump() -> list[str]:
    """The catalogue serialised as dumpdata --natural-primary --natural-foreign would, one object per string."""
    objects = [obj for m in unit_models() for obj in m.objects.all()]
    data = serializers.serialize("python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True)
    return sorted(json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str) for obj in data)


def fixture_objects() -> list[str]:
    return sorted(
        json.dumps(obj, sort_keys=True, ensure_ascii=False)
        for path in FIXTURES
        for obj in json.loads(path.read_text(encoding="utf-8"))
    )


def test_the_fixtures_are_natural_key_fixtures_without_pks():
    assert [p.name for p in FIXTURES] == ["000.json", "001.json", "002.json", "003.json"]
    for path in FIXTURES:
        for obj in json.loads(path.read_text(encoding="utf-8")):
            assert "pk" not in obj, path.name
            assert obj["model"].startswith("units."), path.name


def test_every_fixture_object_refers_only_to_its_own_unit():
    for path in FIXTURES:
        key = path.stem
        for obj in json.loads(path.read_text(encoding="utf-8")):
            fields = obj["fields"]
            refs = [v for v in fields.values() if isinstance(v, list)]
            if obj["model"] == "units.unit":
                assert fields["key"] == key
            assert refs and all(ref[0] == key for ref in refs) or obj["model"] == "units.unit", (path.name, obj)


def test_loading_into_an_empty_database_creates_every_fixture_object():
    before = {label: len(values) for label, values in rows().items()}
    load()
    after = {label: len(values) for label, values in rows().items()}
    created = sum(after.values()) - sum(before.values())
    assert created == len(fixture_objects())
    assert after["units.Unit"] - before["units.Unit"] == 4


def test_loading_twice_changes_no_row_count_value_or_pk():
    load()
    first = rows()
    load()
    assert rows() == first


def test_loading_twice_gives_the_same_natural_key_serialisation():
    load()
    first = natural_dump()
    load()
    assert natural_dump() == first


def test_dumping_the_loaded_catalogue_reproduces_the_fixtures_exactly():
    load()
    assert natural_dump() == fixture_objects()


def test_reloading_restores_a_value_edited_in_the_database():
    from units.models import AssessmentCriterion

    load()
    before = rows()
    AssessmentCriterion.objects.filter(unit__key="001", code="1.3").update(text="edited")
    load()
    assert rows() == before
