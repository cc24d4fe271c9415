"""Migration 5: every agency request in a store from before it is given a stable identifier, and
nothing else in the store changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store import store_access
from rrdesk.storage.migrations import SCHEMA_VERSION
from tests.builders import POLICE, SCHOOLS, add_case, add_directory, requests_sent
from tests.changed_stores import changed_as_an_earlier_rrdesk_left_it


def test_requests_from_before_get_identifiers_and_keep_their_history(
    new_store, store_path: Path, passphrase: str, today: date
) -> None:
    session = new_store.session
    add_directory(session)
    case = add_case(session, today=today, notified=date(2026, 11, 16))
    requests_sent(session, case, [POLICE, SCHOOLS], sent_on=date(2026, 11, 17))
    assert case.case_id is not None
    before = AgencyFormsService(session).requests(case.case_id)
    with changed_as_an_earlier_rrdesk_left_it(session, store_path) as db:
        (body,) = db.query_one(
            "SELECT body FROM case_documents WHERE kind = 'agency_requests'"
        ) or ("",)
        data = json.loads(str(body))
        for request in data["requests"]:
            request.pop("request_id", None)
        db.execute(
            "UPDATE case_documents SET body = ? WHERE kind = 'agency_requests'",
            (json.dumps(data),),
        )
        db.set_user_version(SCHEMA_VERSION - 1)

    upgraded = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert upgraded.db.user_version == SCHEMA_VERSION
        after = AgencyFormsService(upgraded).requests(case.case_id)
    finally:
        upgraded.close()
    ids = [r.request_id for r in after]
    assert all(i.startswith("RQ-") and len(i) == 11 for i in ids)
    assert len(set(ids)) == 2
    assert [(r.agency, r.events) for r in after] == [(r.agency, r.events) for r in before]
