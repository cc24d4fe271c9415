"""Themes and learning the panel draws from the case."""

from __future__ import annotations

from dataclasses import dataclass, replace


def _clean(points: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for p in points if p.strip())


@dataclass(frozen=True)
class Learning:
    """Points the panel records, each a short sentence; themes are keys from the shared taxonomy."""

    good_practice: tuple[str, ...] = ()
    could_have_been_better: tuple[str, ...] = ()
    single_agency: tuple[str, ...] = ()
    multi_agency: tuple[str, ...] = ()
    theme_keys: tuple[str, ...] = ()
    already_acted_on: tuple[str, ...] = ()

    def cleaned(self) -> Learning:
        """Blank points dropped, spaces trimmed, themes kept once in the order first given."""
        return Learning(
            good_practice=_clean(self.good_practice),
            could_have_been_better=_clean(self.could_have_been_better),
            single_agency=_clean(self.single_agency),
            multi_agency=_clean(self.multi_agency),
            theme_keys=tuple(dict.fromkeys(_clean(self.theme_keys))),
            already_acted_on=_clean(self.already_acted_on),
        )

    def with_theme(self, key: str) -> Learning:
        return replace(self, theme_keys=tuple(dict.fromkeys((*self.theme_keys, key.strip()))))

    def without_theme(self, key: str) -> Learning:
        return replace(self, theme_keys=tuple(k for k in self.theme_keys if k != key))


LEARNING_HEADINGS: tuple[tuple[str, str], ...] = (
    ("good_practice", "Good practice"),
    ("could_have_been_better", "What could have been better"),
    ("single_agency", "Single-agency learning"),
    ("multi_agency", "Multi-agency learning"),
    ("theme_keys", "Themes"),
    ("already_acted_on", "Learning already acted on"),
)
