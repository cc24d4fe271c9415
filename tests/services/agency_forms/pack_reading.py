"""Reading a panel pack back as its reader does: its pages' text (pdftotext), and the patterns
its dates and page furniture are checked with."""

from __future__ import annotations

import re
import subprocess

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
A_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
OTHER_DATES = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
PAGE_FURNITURE = re.compile(
    r"OFFICIAL-SENSITIVE|Page \d+ of \d+|Rapid Review panel pack: RR-\d{4}-\d{3} · "
    r"Northmoor Safeguarding Children Partnership"
)


def pack_pages(pdf: bytes) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]
