"""How hard a passphrase is to guess: the one place that knows zxcvbn.

zxcvbn estimates how many guesses an attacker trying likely passphrases first (common passwords,
words, names, dates, keyboard patterns, substitutions such as ``P@ssw0rd``) would need. rrdesk
refuses a new passphrase found in fewer than :data:`MIN_GUESSES`: with scrypt at rrdesk's cost an
attacker holding the key file manages some thousands of tries a second on ordinary hardware, so
10 billion is years of work rather than an afternoon. Loaded only when a new passphrase is
checked, so start-up does not wait for its dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_GUESSES_LOG10 = 10
MIN_GUESSES = 10**MIN_GUESSES_LOG10
MAX_CHECKED = 72  # the most zxcvbn takes; what is past it only adds to the strength


def guesses_log10(passphrase: str, about: Iterable[str] = ()) -> float:
    """log10 of the guesses needed to find ``passphrase``; words in ``about`` (the person's and
    the partnership's names) count as guessed first."""
    from zxcvbn import zxcvbn

    inputs = [word for text in about for word in text.split() if word]
    return float(zxcvbn(passphrase[:MAX_CHECKED], user_inputs=inputs)["guesses_log10"])


def too_easy(passphrase: str, about: Iterable[str] = ()) -> bool:
    return guesses_log10(passphrase, about) < MIN_GUESSES_LOG10
