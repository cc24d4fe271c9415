"""Benchmark: a full text check of a 5,000-word answer, and the re-check after one keystroke.

Prints each as a ratio to one 60 Hz frame (16.7 ms): the median of several runs, which should
be at most 1, and the slowest run (a busy machine makes this one noisy).
Run from the repository root: ``python tests/bench/bench_text_checks.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rrdesk.services.agency_forms.text_checks_loader import build_text_checker

FRAME_SECONDS = 1 / 60
PARAGRAPH = (
    "The school nurse saw Child T on 4 March 2026 after the class teacher noticed bruising on "
    "his arm. She spoke with T on his own and he said that he had fallen in the park. The nurse "
    "recorded what she saw and shared her concern with the designated safeguarding lead the same "
    "day. The CAMHS worker was not told, and the S47 enquiry started two days later. On 9 March "
    "the health visitor visited the family home at 2pm and found the home warm and tidy. The "
    "mother said that money was short and that she was worried about the rent. Three further "
    "visits took place in March and April. The agency now thinks that the information about the "
    "bruising should have been shared with children's social care at once, and that the "
    "mother's worries about money were a sign of pressure on the family that nobody followed up. "
)


def answer_of(words: int, separator: str) -> str:
    """A realistic answer in which every sentence is different, so no cached result is reused."""
    sentences = [s.strip() + "." for s in PARAGRAPH.split(". ") if s.strip()]
    paragraphs = []
    count = 0
    while count < words:
        number = len(paragraphs) + 1
        varied = [
            s[:-1] + f" in week {number * len(sentences) + i}." for i, s in enumerate(sentences)
        ]
        paragraphs.append(" ".join(varied).replace("..", "."))
        count += len(paragraphs[-1].split())
    return separator.join(paragraphs)


def timings(runs: int, action: Callable[[], None], before: Callable[[], None]) -> list[float]:
    """Seconds taken by each of several runs, each prepared by ``before`` (not timed)."""
    taken = []
    for _ in range(runs):
        before()
        began = time.perf_counter()
        action()
        taken.append(time.perf_counter() - began)
    return taken


def measure(text: str) -> tuple[list[float], list[float]]:
    case = {"case_names": ["Child T", "T"], "own_areas": ["Wolverhampton"]}
    checker = build_text_checker(**case)
    full = timings(15, lambda: checker.check(text), checker.clear_cache)

    previous = checker.check(text)
    position = len(text) // 2
    edited = text[:position] + "x" + text[position:]

    def as_before_the_keystroke() -> None:
        # The answer as it was has just been checked; nothing is remembered of the edited one.
        checker.clear_cache()
        checker.check(text)

    keystroke = timings(
        31, lambda: checker.check_around(edited, previous, position, 0, 1), as_before_the_keystroke
    )
    return full, keystroke


def report(name: str, taken: list[float]) -> float:
    """Print the median and slowest run as ratios to a frame; return the median ratio."""
    median = statistics.median(taken) / FRAME_SECONDS
    slowest = max(taken) / FRAME_SECONDS
    print(f"  {name}: {median:.3f} of a 60 Hz frame (median; slowest run {slowest:.3f})")
    return median


def main() -> int:
    build_text_checker()  # the shipped data is read once, when the app starts
    ratios = []
    for shape, separator in (("in paragraphs", "\n\n"), ("in one paragraph", " ")):
        text = answer_of(5_000, separator)
        full, keystroke = measure(text)
        print(f"5,000-word answer {shape} ({len(text.split())} words, {len(text)} characters)")
        ratios.append(report("full check", full))
        ratios.append(report("check after one keystroke", keystroke))
    return 0 if max(ratios) <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
