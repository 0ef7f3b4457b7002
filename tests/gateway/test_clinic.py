"""The clinic config file: what the README shows loads, and re-loading updates in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import select

from flows.types import Queue
from gateway.clinic import clinic_for_number, clinic_info, load_clinic_file, upsert_clinic
from gateway.models import Clinic, Location

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example(tmp_path: Path) -> Path:
    block = re.search(r"```toml\n(.*?)```", README.read_text(), re.S)
    assert block, "the README's clinic config example is gone"
    path = tmp_path / "clinic.toml"
    path.write_text(block.group(1))
    return path


def test_the_readme_example_loads_and_routes_its_number(tmp_path, session, app):
    data = load_clinic_file(readme_example(tmp_path))
    clinic = upsert_clinic(session=session, data=data)
    session.commit()
    info = clinic_info(clinic)
    assert info.name == "Riverside Family Clinic"
    assert info.response_minutes_for(Queue.CLINICAL) == 120
    assert info.response_minutes_for(Queue.BILLING) == 960  # not configured: the default
    assert [h.weekday for h in info.hours] == [0, 1]
    found = clinic_for_number(
        session=session, to_number="+12025550100", settings=app.extensions["gateway"].settings
    )
    assert found.id == clinic.id


def test_reloading_the_file_updates_rather_than_duplicates(tmp_path, session, app):
    path = readme_example(tmp_path)
    upsert_clinic(session=session, data=load_clinic_file(path))
    path.write_text(path.read_text().replace("Riverside Family Clinic", "Riverside Health"))
    upsert_clinic(session=session, data=load_clinic_file(path))
    session.commit()
    names = [c.name for c in session.exec(select(Clinic)).all()]
    assert names == ["Riverside Health"]
    assert len(session.exec(select(Location)).all()) == 1


def test_a_file_without_a_name_is_refused_clearly(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text('phone = "(202) 555-0100"\n')
    with pytest.raises(ValueError, match="'name' is required"):
        load_clinic_file(path)
