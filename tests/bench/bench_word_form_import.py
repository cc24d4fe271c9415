"""Importing a returned Word form with 5,000-word answers: read, checked and stored, against the
one-second target.

In a real encrypted store: the form written encrypted for a requested agency, every narrative
answer filled with 5,000 words (acronyms and case-note lines among them, so the checks find
things), encrypted again as Word saves it, then:
- reading the file (decrypting, the zip's checks, every control, the text checks),
- accepting it (stored as a new version, recorded as received, checked again),
- each stage's share of the whole, and the whole as a share of one second.

Run: python tests/bench/bench_word_form_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when not installed

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_forms import WordForms
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.store_access import create_store
from rrdesk.storage.keys import key_slots
from tests.word_authoring import decrypt, encrypt, fill_form

WORDS = 5_000
AGENCY = "Westbury Police"
TODAY = date(2026, 11, 23)
SENTENCE = (
    "The family were seen at home and the officer spoke with the child about school and friends. "
    "The SW and the DSL agreed the next steps. "
)
CASE_NOTE = "14/10/2025 10:32 DC 4471 attended. NFA.\n"


def answer(words: int) -> str:
    """About ``words`` words of narrative, with a case-note line every fortieth sentence."""
    sentences = []
    count = 0
    while count < words:
        sentences.append(SENTENCE if len(sentences) % 40 else CASE_NOTE)
        count += len(sentences[-1].split())
    return "".join(sentences)


def timed(label: str, work: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    middle = statistics.median(times)
    print(
        f"{label}: median {middle * 1000:.0f} ms over {repeat} runs (best {min(times) * 1000:.0f})"
    )
    return middle


def main() -> None:
    key_slots.SCRYPT_N = 2**12  # the store's own key derivation is not what is measured
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        created = create_store(
            root / "bench.rrdesk",
            partnership="Northmoor Safeguarding Children Partnership",
            owner="Bench Coordinator",
            passphrase="correct horse battery staple",
        )
        session = created.session
        forms = AgencyFormsService(session)
        service = WordForms(forms)
        case = CaseService(session).add_case(
            Case(reference="RR-2026-099", children=(Child("Child B"),), notification_sent=TODAY),
            today=TODAY,
        )
        assert case.case_id is not None
        forms.choose_agencies(case.case_id, [AGENCY])
        forms.record_sent(case.case_id, AGENCY, TODAY)
        written = service.write_form(
            case.case_id, AGENCY, root / "form.docx", identifying=True, today=TODAY
        )
        assert written.password is not None
        narrative = [
            q.key for s in forms.form.sections for q in s.questions if q.kind.value == "narrative"
        ]
        text = answer(WORDS)
        plain = decrypt((root / "form.docx").read_bytes(), written.password)
        filled = fill_form(plain, dict.fromkeys(narrative, text), ticks={"involved": "yes"})
        returned = root / "returned.docx"
        returned.write_bytes(encrypt(filled, written.password))
        print(
            f"{len(narrative)} narrative answers of {len(text.split())} words each; "
            f"file {returned.stat().st_size // 1024} KB encrypted"
        )
        read = timed("read and check", lambda: service.read_return(case.case_id, AGENCY, returned))
        preview = service.read_return(case.case_id, AGENCY, returned)
        findings = preview.finding_count
        accept_times = []
        for _ in range(3):
            fresh = service.read_return(case.case_id, AGENCY, returned)
            started = time.perf_counter()
            service.accept_return(fresh, TODAY)
            accept_times.append(time.perf_counter() - started)
        accept = statistics.median(accept_times)
        print(f"accept (store, record, check again): median {accept * 1000:.0f} ms")
        whole = read + accept
        print(f"findings: {findings}")
        print(f"whole import: {whole * 1000:.0f} ms = {whole:.2f} of the one-second target")
        session.close()


if __name__ == "__main__":
    main()
