"""The agency check form as data: sections, questions and the rules for answering them.

The form is defined in ``forms/agency-check-form.toml``; a partnership may edit it. A broken file
is refused with the line and the reason (:class:`FormDefinitionError`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from rrdesk.domain.errors import UserError


class QuestionKind(StrEnum):
    """How a question is answered."""

    TEXT = "text"
    NARRATIVE = "narrative"
    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"
    CHRONOLOGY = "chronology"


# The columns of a chronology row, with the label each is shown under.
CHRONOLOGY_COLUMNS = (
    ("date", "Date"),
    ("who", "Who was involved"),
    ("what_happened", "What happened"),
    ("what_decided", "What was decided"),
)


@dataclass(frozen=True)
class Condition:
    """Asked or required only when another question has this answer (``involved`` is ``yes``)."""

    question: str
    answer: str


@dataclass(frozen=True)
class Option:
    """One answer to a choice question."""

    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question. ``error_required`` is the GOV.UK message shown when it is left empty."""

    key: str
    label: str
    kind: QuestionKind
    hint: str = ""
    required: bool = False
    required_if: Condition | None = None
    options: tuple[Option, ...] = ()
    error_required: str = ""
    error_name: str = ""
    max_length: int | None = None

    @property
    def narrative(self) -> bool:
        """Free text written by the author: checked for acronyms and case-note text."""
        return self.kind in (QuestionKind.NARRATIVE, QuestionKind.CHRONOLOGY)

    @property
    def required_message(self) -> str:
        if self.error_required:
            return self.error_required
        if self.kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
            return f"Select {self.label[0].lower()}{self.label[1:].rstrip('?')}"
        return f"Enter {self.label[0].lower()}{self.label[1:].rstrip('?')}"

    @property
    def name(self) -> str:
        """What the question asks for, to start a sentence ("The date you completed the form")."""
        return self.error_name or self.label.rstrip("?")


@dataclass(frozen=True)
class Section:
    """A task in the form's task list: a short run of question pages."""

    key: str
    title: str
    questions: tuple[Question, ...]
    hint: str = ""
    required_if: Condition | None = None

    @property
    def has_narrative(self) -> bool:
        """Narrative sections end with "Have you completed this section?"."""
        return any(q.narrative for q in self.questions)


@dataclass(frozen=True)
class FormDefinition:
    """The whole form."""

    title: str
    sections: tuple[Section, ...]
    summary: str = ""

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def question(self, key: str) -> Question:
        for section in self.sections:
            for question in section.questions:
                if question.key == key:
                    return question
        raise KeyError(key)

    def section_of(self, question_key: str) -> Section:
        for section in self.sections:
            if any(q.key == question_key for q in section.questions):
                return section
        raise KeyError(question_key)


class FormDefinitionError(UserError):
    """A form file that cannot be used: the line (when known) and the reason."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(f"Line {line}: {reason}" if line is not None else reason)


_SECTION_KEYS = {"key", "title", "hint", "required_if", "question"}
_QUESTION_KEYS = {
    "key",
    "label",
    "kind",
    "hint",
    "required",
    "required_if",
    "options",
    "error_required",
    "error_name",
    "max_length",
}
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_TOML_LINE = re.compile(r"at line (\d+)")


class _Lines:
    """Finds the line of a section, a question, or a setting in one, for error messages."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._sections = self._headers(r"\[\[\s*section\s*\]\]")
        self._questions = self._headers(r"\[\[\s*section\s*\.\s*question\s*\]\]")

    def _headers(self, pattern: str) -> list[int]:
        header = re.compile(r"\s*" + pattern)
        return [n for n, line in enumerate(self._lines, start=1) if header.match(line)]

    def _block_end(self, start: int) -> int:
        later = [n for n in (*self._sections, *self._questions) if n > start]
        return min(later, default=len(self._lines) + 1)

    def _setting(self, start: int | None, setting: str | None) -> int | None:
        if start is None or setting is None:
            return start
        pattern = re.compile(r"\s*" + re.escape(setting) + r"\s*=")
        for n in range(start + 1, self._block_end(start)):
            if pattern.match(self._lines[n - 1]):
                return n
        return start

    def section(self, index: int, setting: str | None = None) -> int | None:
        start = self._sections[index] if index < len(self._sections) else None
        return self._setting(start, setting)

    def question(self, section: int, index: int, setting: str | None = None) -> int | None:
        begin = self._sections[section] if section < len(self._sections) else None
        if begin is None:
            return None
        end = self._sections[section + 1] if section + 1 < len(self._sections) else 10**9
        inside = [n for n in self._questions if begin < n < end]
        start = inside[index] if index < len(inside) else None
        return self._setting(start, setting)


class _Problem(Exception):
    """A broken setting, told as a :class:`FormDefinitionError` with its line."""


def _text(table: Mapping[str, object], key: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise _Problem(f"{key} must be text in quotes")
    if required and not value.strip():
        raise _Problem(f"{key} is missing")
    return value.strip()


def _condition(value: object) -> Condition | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or set(value) != {"question", "answer"}
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise _Problem('required_if must be like { question = "involved", answer = "yes" }')
    return Condition(question=value["question"], answer=value["answer"])


def _options(value: object) -> tuple[Option, ...]:
    if not isinstance(value, list):
        raise _Problem("options must be a list")
    options = []
    for item in value:
        if isinstance(item, str):
            options.append(Option(item, item))
        elif isinstance(item, dict) and isinstance(item.get("value"), str):
            label = item.get("label", item["value"])
            if not isinstance(label, str):
                raise _Problem("an option's label must be text")
            options.append(Option(item["value"], label))
        else:
            raise _Problem('each option must be text or { value = "...", label = "..." }')
    return tuple(options)


def _question(table: object) -> Question:
    if not isinstance(table, dict):
        raise _Problem("a question must be a table")
    unknown = sorted(set(table) - _QUESTION_KEYS)
    if unknown:
        raise _Problem(f"unknown setting {unknown[0]!r} in a question")
    key = _text(table, "key")
    if not _KEY.fullmatch(key):
        raise _Problem(f"question key {key!r} must be lower case letters, digits and _")
    kind_text = _text(table, "kind")
    try:
        kind = QuestionKind(kind_text)
    except ValueError:
        kinds = ", ".join(k.value for k in QuestionKind)
        raise _Problem(f"kind {kind_text!r} is not one of: {kinds}") from None
    required = table.get("required", False)
    if not isinstance(required, bool):
        raise _Problem("required must be true or false")
    max_length = table.get("max_length")
    if max_length is not None and (not isinstance(max_length, int) or max_length < 1):
        raise _Problem("max_length must be a whole number above 0")
    options: tuple[Option, ...]
    if kind is QuestionKind.YES_NO:
        options = (Option("yes", "Yes"), Option("no", "No"))
    elif kind is QuestionKind.CHOICE:
        options = _options(table.get("options"))
        if len(options) < 2:
            raise _Problem("a choice question needs at least two options")
    elif "options" in table:
        raise _Problem("only a choice question has options")
    else:
        options = ()
    return Question(
        key=key,
        label=_text(table, "label"),
        kind=kind,
        hint=_text(table, "hint", required=False),
        required=required,
        required_if=_condition(table.get("required_if")),
        options=options,
        error_required=_text(table, "error_required", required=False),
        error_name=_text(table, "error_name", required=False),
        max_length=max_length,
    )


def _check_condition(condition: Condition | None, form: dict[str, Question], where: str) -> None:
    if condition is None:
        return
    target = form.get(condition.question)
    if target is None:
        raise _Problem(
            f"{where} depends on {condition.question!r}, which is not an earlier question"
        )
    if condition.answer not in {o.value for o in target.options}:
        raise _Problem(
            f"{where} depends on {condition.question!r} being {condition.answer!r}, "
            "which is not one of its answers"
        )


def parse_form_definition(text: str) -> FormDefinition:
    """Read a form definition from TOML text, or raise :class:`FormDefinitionError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        reason = _TOML_LINE.sub("", str(error)).replace("(, column", "(column").strip()
        if found is not None:
            line: int | None = int(found.group(1))
        elif "end of document" in reason:
            line = len(text.splitlines()) or 1
        else:
            line = None
        raise FormDefinitionError(f"The form file is not valid TOML: {reason}", line) from error
    lines = _Lines(text)
    try:
        title = _text(data, "title")
        summary = _text(data, "summary", required=False)
    except _Problem as error:
        raise FormDefinitionError(str(error)) from None
    raw_sections = data.get("section")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise FormDefinitionError("The form has no sections: add [[section]] tables")
    sections: list[Section] = []
    seen: dict[str, Question] = {}
    for s_index, raw in enumerate(raw_sections):
        sections.append(_parse_section(raw, s_index, seen, {s.key for s in sections}, lines))
    return FormDefinition(title=title, sections=tuple(sections), summary=summary)


def _parse_section(
    raw: object,
    s_index: int,
    seen: dict[str, Question],
    section_keys: set[str],
    lines: _Lines,
) -> Section:
    try:
        if not isinstance(raw, dict):
            raise _Problem("a section must be a table")
        unknown = sorted(set(raw) - _SECTION_KEYS)
        if unknown:
            raise _Problem(f"unknown setting {unknown[0]!r} in section {s_index + 1}")
        key = _text(raw, "key")
        if not _KEY.fullmatch(key) or key in section_keys:
            raise _Problem(f"section key {key!r} must be unique lower case letters, digits and _")
        title = _text(raw, "title")
        hint = _text(raw, "hint", required=False)
        condition = _condition(raw.get("required_if"))
        _check_condition(condition, seen, f"section {key!r}")
        raw_questions = raw.get("question")
        if not isinstance(raw_questions, list) or not raw_questions:
            raise _Problem(f"section {key!r} has no questions: add [[section.question]] tables")
    except _Problem as error:
        reason = str(error)
        raise FormDefinitionError(
            _sentence(reason), lines.section(s_index, _setting_named(reason))
        ) from None
    questions = []
    for q_index, raw_question in enumerate(raw_questions):
        try:
            question = _question(raw_question)
            if question.key in seen:
                raise _Problem(f"question key {question.key!r} is used twice")
            _check_condition(question.required_if, seen, f"question {question.key!r}")
        except _Problem as error:
            raise FormDefinitionError(
                _sentence(f"{error} (section {key!r}, question {q_index + 1})"),
                lines.question(s_index, q_index, _setting_named(str(error))),
            ) from None
        seen[question.key] = question
        questions.append(question)
    return Section(
        key=key,
        title=title,
        questions=tuple(questions),
        hint=hint,
        required_if=condition,
    )


_NAMED_SETTING = re.compile(r"setting '(\w+)'")


def _setting_named(reason: str) -> str | None:
    """The setting a reason is about, to point at its line."""
    named = _NAMED_SETTING.search(reason)
    if named is not None:
        return named.group(1)
    if " depends on " in reason or reason.startswith("required_if"):
        return "required_if"
    if reason.startswith(("question key", "section key")):
        return "key"
    for setting in sorted(_QUESTION_KEYS | _SECTION_KEYS, key=len, reverse=True):
        if reason.startswith(setting + " "):
            return setting
    return None


def _sentence(reason: str) -> str:
    return reason[0].upper() + reason[1:]
