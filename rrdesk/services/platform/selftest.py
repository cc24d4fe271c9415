"""The self-test IT runs after deploying rrdesk: does this installation work on this computer?

Each check exercises the real thing end to end, in a throwaway store in a private folder made for
the purpose (never the system temp folder) that is deleted afterwards, whatever happened. A check
returns its detail on success, raises :class:`CheckWarning` for something IT should know that does
not stop rrdesk working (no keyring), and raises anything else to fail. No Qt here: the command
line and tests call it directly, and a display check from the UI layer can be added to the list.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.domain.timetable.bank_holidays import packaged_calendar, packaged_holidays
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.keystore import SecretStore, SecretStoreUnavailable
from rrdesk.resource_files import form, resource
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.profile_catalogue import DEFAULT_PROFILE, load_profile, load_profiles
from rrdesk.storage.errors import StoreError

SELFTEST_PARTNERSHIP = "rrdesk self-test"
SHIPPED_RESOURCES = (
    ("style.qss",),
    ("bank-holiday-corrections.toml",),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("guides", "coordinator.md"),
    ("guides", "chair.md"),
    ("guides", "executive.md"),
)
SHIPPED_FORMS = (("decision-sheet.toml",), ("profiles", f"{DEFAULT_PROFILE}.toml"))
# Friday 18 December 2026: Christmas Day, Boxing Day (substitute Monday 28th) and New Year's Day
# fall inside its 15 working days, so the deadline proves the bank holidays were found and used.
TIMETABLE_NOTIFIED = date(2026, 12, 18)
TIMETABLE_DEADLINE = date(2027, 1, 13)


class CheckFailed(Exception):
    """A check found a problem; the message says what, in plain words."""


class CheckWarning(Exception):
    """Something IT should know that does not stop rrdesk working."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    detail: str
    warning: bool = False
    """Passed, but with something IT should know (reported as WARN, not a failure)."""

    @property
    def label(self) -> str:
        if not self.passed:
            return "FAIL"
        return "WARN" if self.warning else "PASS"

    def line(self) -> str:
        return f"{self.label}  {self.name}: {self.detail}"


@dataclass
class SelftestRun:
    """What the checks share: where to make the private folder and what they made in it."""

    parent_folder: Path
    secret_store: SecretStore
    today: date
    now: datetime
    folder: Path | None = None
    session: Session | None = None
    token: str = field(default_factory=lambda: secrets.token_hex(6))

    def private_folder(self) -> Path:
        if self.folder is None:
            raise CheckFailed("there is no private folder (the check that makes it failed)")
        return self.folder

    def open_session(self) -> Session:
        if self.session is None or not self.session.is_open:
            raise CheckFailed("there is no test store (the encrypted store check failed)")
        return self.session


@dataclass(frozen=True)
class SelftestCheck:
    name: str
    run: Callable[[SelftestRun], str]


def check_shipped_files(run: SelftestRun) -> str:
    missing = [
        "resources/" + "/".join(parts)
        for parts in SHIPPED_RESOURCES
        if not resource(*parts).is_file()
    ]
    missing += ["forms/" + "/".join(parts) for parts in SHIPPED_FORMS if not form(*parts).is_file()]
    if missing:
        raise CheckFailed("not found: " + ", ".join(missing))
    profiles = load_profiles()
    holidays = packaged_holidays()
    last = max(holidays.holidays)
    return (
        f"resources, forms, {len(profiles)} process profiles and the GOV.UK bank holidays "
        f"(to {format_date(last)}) found"
    )


def check_private_folder(run: SelftestRun) -> str:
    run.parent_folder.mkdir(parents=True, exist_ok=True)
    folder = run.parent_folder / f"selftest-{run.token}"
    folder.mkdir(mode=0o700)
    run.folder = folder
    if os.name == "posix":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            raise CheckFailed(f"{folder} can be opened by other users (mode {mode:o})")
    return f"made {folder}, for this user only"


def check_encrypted_store(run: SelftestRun) -> str:
    path = run.private_folder() / "selftest.rrdesk"
    passphrase = secrets.token_urlsafe(24)
    created = store_access.create_store(
        path, partnership=SELFTEST_PARTNERSHIP, owner=SELFTEST_PARTNERSHIP, passphrase=passphrase
    )
    try:
        case = Case(
            reference="",
            children=(Child(pseudonym="Child Ŵ", real_name="Łucja Nguyễn-Test"),),
            notification_sent=run.today,
            summary="A fictional case written by the self-test.",
        )
        reference = CaseService(created.session).add_case(case, today=run.today).reference
    finally:
        created.session.close()
    run.session = store_access.unlock_with_passphrase(path, passphrase)
    back = CaseService(run.session).by_reference(reference)
    if back is None:
        raise CheckFailed(f"the case {reference} was written but not found after reopening")
    if back.children[0].real_name != case.children[0].real_name or back.summary != case.summary:
        raise CheckFailed(f"the case {reference} read back differs from what was written")
    return "created, written and read back"


def check_sqlcipher(run: SelftestRun) -> str:
    db = run.open_session().db
    version = str(db.pragma("cipher_version") or "")
    if not version:
        raise CheckFailed("the store is not encrypted: SQLCipher is not loaded")
    if db.pragma("temp_store") != 2:
        raise CheckFailed("temporary data would be written to disk (temp_store is not MEMORY)")
    problems = db.integrity_problems()
    if problems:
        raise CheckFailed("integrity check found: " + "; ".join(problems[:3]))
    return f"SQLCipher {version}; temporary data kept in memory; integrity check clean"


def check_timetable(run: SelftestRun) -> str:
    timetable = compute_timetable(
        load_profile(DEFAULT_PROFILE), packaged_calendar(), TIMETABLE_NOTIFIED
    )
    if timetable.deadline != TIMETABLE_DEADLINE:
        raise CheckFailed(
            f"a notification sent on {format_date(TIMETABLE_NOTIFIED)} came out due on "
            f"{format_date(timetable.deadline)}, not {format_date(TIMETABLE_DEADLINE)}"
        )
    return (
        f"a notification sent on {format_date_with_weekday(TIMETABLE_NOTIFIED)} is due at the "
        f"National Panel on {format_date_with_weekday(TIMETABLE_DEADLINE)}"
    )


def check_signed_pdf(run: SelftestRun) -> str:
    from rrdesk.exports.pdf.house_style import para
    from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf
    from rrdesk.exports.signatures.signing import (
        create_signing_identity,
        export_certificate_pem,
        sign_pdf,
    )
    from rrdesk.exports.signatures.verification import verify_pdf

    identity = create_signing_identity(SELFTEST_PARTNERSHIP, now=run.now)
    info = DocumentInfo(
        title="rrdesk self-test",
        partnership=SELFTEST_PARTNERSHIP,
        subject="A document made by the self-test",
        reserve_signature_box=True,
    )
    pdf = build_pdf(info, [para("This document was made and signed by the rrdesk self-test.")])
    signed = sign_pdf(
        pdf,
        identity,
        reason="rrdesk self-test",
        location="This computer",
        signing_time_text=format_date(run.today),
    )
    result = verify_pdf(signed, export_certificate_pem(identity))
    if not (result.valid and result.trusted):
        raise CheckFailed(f"the signed PDF did not verify: {result.verdict}")
    return f"rendered, signed and verified in memory ({len(signed) // 1024} KB)"


def check_word_form(run: SelftestRun) -> str:
    from rrdesk.domain.agency_forms.word_form_content import (
        FormProperties,
        WordFormContent,
        form_version,
    )
    from rrdesk.exports.word.check_form_document import build_check_form_document
    from rrdesk.exports.word.form_reading import read_check_form_document
    from rrdesk.exports.word.office_files import encrypt_word_file, open_word_file
    from rrdesk.services.agency_forms.check_form_loader import shipped_form_definition

    form = shipped_form_definition()
    properties = FormProperties("RR-SELFTEST", "Self-test agency", run.token, form_version(form))
    content = WordFormContent(partnership=SELFTEST_PARTNERSHIP, form=form, properties=properties)
    password = secrets.token_urlsafe(12)
    encrypted = encrypt_word_file(build_check_form_document(content), password)
    opened = open_word_file(encrypted, "selftest.docx", password)
    read = read_check_form_document(opened.docx, form)
    if not opened.encrypted or read.properties != properties:
        raise CheckFailed("an encrypted agency check form did not read back as written")
    return (
        f"an agency check form was written, encrypted and read back in memory "
        f"({len(encrypted) // 1024} KB)"
    )


def check_keyring(run: SelftestRun) -> str:
    account = f"selftest-{run.token}"
    secret = secrets.token_bytes(32)
    store = run.secret_store
    try:
        store.save(account, secret)
        try:
            read_back = store.load(account)
        finally:
            store.delete(account)
    except SecretStoreUnavailable as error:
        raise CheckWarning(
            f"{error.message} rrdesk still works, but cannot remember the key on this "
            "computer, so people type their passphrase each time"
        ) from None
    if read_back != secret:
        raise CheckWarning(
            "an entry was written but did not read back the same, so rrdesk will ask for the "
            "passphrase each time"
        )
    return f"reachable ({store.describe()}): a test entry was written, read back and removed"


def clean_up(run: SelftestRun) -> str:
    if run.session is not None and run.session.is_open:
        run.session.close()
    if run.folder is None:
        return "nothing was made"
    shutil.rmtree(run.folder)
    if run.folder.exists():
        raise CheckFailed(f"{run.folder} is still there")
    return f"removed {run.folder}"


DEFAULT_CHECKS = (
    SelftestCheck("Shipped files", check_shipped_files),
    SelftestCheck("Private folder", check_private_folder),
    SelftestCheck("Encrypted store", check_encrypted_store),
    SelftestCheck("SQLCipher", check_sqlcipher),
    SelftestCheck("Timetable", check_timetable),
    SelftestCheck("Signed PDF", check_signed_pdf),
    SelftestCheck("Word form", check_word_form),
    SelftestCheck("Keyring", check_keyring),
)
CLEAN_UP = SelftestCheck("Clean-up", clean_up)


def describe_error(error: BaseException) -> str:
    if isinstance(error, StoreError):
        return error.message
    if isinstance(error, CheckFailed | CheckWarning):
        return str(error)
    text = str(error) or "no message"
    return f"{type(error).__name__}: {text}"


def run_check(check: SelftestCheck, run: SelftestRun) -> CheckResult:
    """One check; whatever it raises becomes its result, so the next check still runs."""
    try:
        detail = check.run(run)
    except CheckWarning as warning:
        return CheckResult(check.name, True, describe_error(warning), warning=True)
    except Exception as error:
        return CheckResult(check.name, False, describe_error(error))
    return CheckResult(check.name, True, detail)


def run_checks(
    run: SelftestRun,
    checks: Iterable[SelftestCheck] = DEFAULT_CHECKS,
    report: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Every check in order, then the clean-up (always, even after a failure or Ctrl+C)."""
    results: list[CheckResult] = []

    def record(result: CheckResult) -> None:
        results.append(result)
        if report is not None:
            report(result)

    try:
        for check in checks:
            record(run_check(check, run))
    finally:
        record(run_check(CLEAN_UP, run))
    return results


def all_passed(results: Iterable[CheckResult]) -> bool:
    return all(result.passed for result in results)
