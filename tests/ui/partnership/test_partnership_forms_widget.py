"""Partnership forms: save a copy, edit it, use it; a broken copy is refused and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.partnership.partnership_forms import DECISION_SHEET, PartnershipForms
from rrdesk.ui.partnership.partnership_forms_widget import PartnershipFormsWidget
from tests.fakes import ScriptedFileDialogs


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row(qtbot, session, messages, tmp_path: Path, editable):  # type: ignore[no-untyped-def]
    """The screen, with the file dialogs scripted: save a copy to ``tmp_path``, then use a
    broken copy, then the copy. Returns the screen, the row and the two paths."""
    copy = tmp_path / editable.file_name
    broken = tmp_path / "broken.toml"
    dialogs = ScriptedFileDialogs(save=[copy], open_=[broken, copy])
    widget = PartnershipFormsWidget(PartnershipForms(session), messages, dialogs)
    qtbot.addWidget(widget)
    widget.show()
    return widget, widget.rows[editable.key], copy, broken


def test_edit_the_decision_sheet_wording(qtbot, session, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _screen, row, copy, broken = _row(qtbot, session, messages, tmp_path, DECISION_SHEET)
    assert row.status.text() == "The standard form is in use."
    assert not row.standard_button.isEnabled()

    _click(qtbot, row.save_button)
    text = copy.read_text(encoding="utf-8")
    assert 'title = "Rapid Review decision sheet"' in text

    broken.write_text(text.replace("[wording]", "[wording"), encoding="utf-8")
    _click(qtbot, row.use_button)
    assert messages.shown[-1][0] == "error"
    assert "The edited form was not used" in messages.texts[-1]
    assert "ine " in messages.texts[-1]  # says which line
    assert row.status.text() == "The standard form is in use."
    assert session.settings.get(DECISION_SHEET.key) == ""

    copy.write_text(
        text.replace(
            'title = "Rapid Review decision sheet"',
            'title = "Northmoor Rapid Review decision record"',
        ),
        encoding="utf-8",
    )
    _click(qtbot, row.use_button)
    assert row.status.text() == "The partnership's edited copy is in use."
    template = decision_sheet_service_for(session).template()
    assert template.title == "Northmoor Rapid Review decision record"

    _click(qtbot, row.standard_button)
    assert row.status.text() == "The standard form is in use."
    assert decision_sheet_service_for(session).template().title == "Rapid Review decision sheet"
    actions = [e.action for e in session.audit.entries()]
    assert "Started using an edited form" in actions
    assert "Went back to the standard form" in actions


def test_add_an_acronym_everyone_knows_to_the_text_checks(  # type: ignore[no-untyped-def]
    qtbot, session, messages, tmp_path: Path, today
) -> None:
    from rrdesk.domain.cases.cases import Case, Child
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.cases.case_service import CaseService
    from rrdesk.services.partnership.partnership_forms import ACRONYM_LIST

    case = CaseService(session).add_case(
        Case("", (Child("Child T"),), notification_sent=today), today=today
    )
    assert case.case_id is not None
    sentence = "The family were seen at the SARC and by the GP."

    def flagged() -> list[str]:
        checker = AgencyFormsService(session).checker(case.case_id or 0)
        return [f.text for f in checker.check(sentence)]

    assert flagged() == ["SARC"]
    _screen, row, copy, broken = _row(qtbot, session, messages, tmp_path, ACRONYM_LIST)
    assert row.title() == "Acronyms and out-of-date terms (text checks)"
    assert row.status.text() == "The standard list is in use."
    assert row.standard_button.text() == "Go back to the standard list"

    _click(qtbot, row.save_button)
    text = copy.read_text(encoding="utf-8")
    assert '"UK", "NHS", "GP"' in text

    broken.write_text(text.replace("allowed = [", "allowed = ", 1), encoding="utf-8")
    _click(qtbot, row.use_button)
    assert messages.shown[-1][:2] == ("error", "The list was not used")
    assert "The edited list was not used" in messages.texts[-1]
    assert flagged() == ["SARC"]

    copy.write_text(text.replace('"UK", "NHS",', '"UK", "NHS", "SARC",', 1), encoding="utf-8")
    _click(qtbot, row.use_button)
    assert messages.shown[-1][:2] == ("info", "Edited list in use")
    assert row.status.text() == "The partnership's edited copy is in use."
    assert flagged() == []

    _click(qtbot, row.standard_button)
    assert row.status.text() == "The standard list is in use."
    assert flagged() == ["SARC"]
    actions = [e.action for e in session.audit.entries()]
    assert "Started using an edited list" in actions
    assert "Went back to the standard list" in actions
