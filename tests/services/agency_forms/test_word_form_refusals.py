"""Every returned file rrdesk refuses leaves the open store byte for byte as it was, with a
one-line reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.agency_forms.form_matching import ReturnedFormError
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_forms import WordForms
from rrdesk.services.store.session import Session
from tests.builders import POLICE, add_case, add_directory, requests_sent
from tests.refused_word_files import OTHER, REFUSALS
from tests.word_authoring import decrypt, encrypt

REFERENCE = "RR-2026-031"


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_a_refused_file_changes_no_byte_of_the_store(
    kind: str, session: Session, store_path: Path, today: date, tmp_path: Path
) -> None:
    add_directory(session)
    cases = {}
    for reference in (REFERENCE, OTHER):
        case = add_case(session, today=today, notified=date(2026, 11, 16), reference=reference)
        requests_sent(session, case, [POLICE], sent_on=date(2026, 11, 17))
        assert case.case_id is not None
        cases[reference] = case.case_id
    service = WordForms(AgencyFormsService(session))
    ours = service.write_form(
        cases[REFERENCE], POLICE, tmp_path / "ours.docx", identifying=True, today=today
    )
    other = service.write_form(
        cases[OTHER], POLICE, tmp_path / "other.docx", identifying=True, today=today
    )
    assert ours.password is not None
    assert other.password is not None
    name, make, reason = REFUSALS[kind]
    other_plain = decrypt((tmp_path / "other.docx").read_bytes(), other.password)
    path = tmp_path / name
    path.write_bytes(
        make(
            (tmp_path / "ours.docx").read_bytes(),
            ours.password,
            encrypt(other_plain, ours.password),
        )
    )
    before = store_path.read_bytes()

    with pytest.raises(ReturnedFormError) as refused:
        service.read_return(cases[REFERENCE], POLICE, path)

    assert reason in refused.value.message
    assert "\n" not in refused.value.message
    assert store_path.read_bytes() == before
