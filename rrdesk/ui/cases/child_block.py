"""One child on a case's first question page: pseudonym, private details and status."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QSpinBox, QVBoxLayout

from rrdesk.domain.cases.cases import Child, ChildStatus, Outcome, Sex
from rrdesk.ui.kit.form_widgets import DateInput, FormField, read_date

Errors = list[tuple[FormField, str]]


def choice_combo(name: str, options: list[tuple[str, object]]) -> QComboBox:
    """A drop-down list of (label, value) options."""
    combo = QComboBox()
    combo.setObjectName(name)
    for label, value in options:
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the option holding ``value`` (the first option if none does)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class ChildBlock(QGroupBox):
    """The questions about one child, in a box headed "Child 1", "Child 2" and so on."""

    def __init__(self, index: int) -> None:
        super().__init__(f"Child {index + 1}")
        self.setObjectName(f"child_{index}")
        prefix = f"child_{index}"
        self.pseudonym = QLineEdit()
        self.real_name = QLineEdit()
        self.date_of_birth = DateInput(f"{prefix}_dob", "Date of birth")
        self.age = QSpinBox()
        self.age.setRange(-1, 18)
        self.age.setSpecialValueText("Not known")
        self.age.setValue(-1)
        self.sex = choice_combo(f"{prefix}_sex", [(s.label, s.value) for s in Sex])
        self.ethnicity = QLineEdit()
        self.disability = QLineEdit()
        self.outcome = choice_combo(f"{prefix}_outcome", [(o.label, o.value) for o in Outcome])
        self.status = choice_combo(f"{prefix}_status", [(s.label, s.value) for s in ChildStatus])
        self.pseudonym_field = FormField(
            "Pseudonym used in documents",
            self.pseudonym,
            hint="For example, Child T. Only the pseudonym appears in documents.",
            object_name=f"{prefix}_pseudonym",
        )
        self.name_field = FormField(
            "Full name (kept private)",
            self.real_name,
            hint="Never shown on the projector or in documents",
            object_name=f"{prefix}_name",
        )
        self.dob_field = FormField(
            "Date of birth (kept private)", self.date_of_birth, hint="For example, 27 3 2019"
        )
        self.age_field = FormField(
            "Age in years",
            self.age,
            hint="Worked out from the date of birth if you give one",
            object_name=f"{prefix}_age",
        )
        layout = QVBoxLayout(self)
        for field in (
            self.pseudonym_field,
            self.name_field,
            self.dob_field,
            self.age_field,
            FormField("Sex", self.sex),
            FormField("Ethnicity", self.ethnicity, object_name=f"{prefix}_ethnicity"),
            FormField("Disability, if any", self.disability, object_name=f"{prefix}_disability"),
            FormField("Died or seriously harmed", self.outcome),
            FormField("Status with children's services at the time", self.status),
        ):
            layout.addWidget(field)

    def load(self, child: Child | None) -> None:
        child = child or Child("")
        self.pseudonym.setText(child.pseudonym)
        self.real_name.setText(child.real_name)
        self.date_of_birth.set_value(child.date_of_birth)
        self.age.setValue(-1 if child.age_years is None else child.age_years)
        select_data(self.sex, child.sex.value)
        self.ethnicity.setText(child.ethnicity)
        self.disability.setText(child.disability)
        select_data(self.outcome, child.outcome.value)
        select_data(self.status, child.status.value)

    def is_blank(self) -> bool:
        return not (
            self.pseudonym.text().strip()
            or self.real_name.text().strip()
            or not self.date_of_birth.is_blank()
        )

    def read(self, errors: Errors, today: date) -> Child:
        dob, problem = read_date(self.dob_field, what="The date of birth")
        if problem:
            errors.append((self.dob_field, problem))
        elif dob is not None and dob > today:
            errors.append((self.dob_field, "The date of birth must be in the past"))
        if not self.pseudonym.text().strip():
            errors.append((self.pseudonym_field, "Enter a pseudonym, for example Child T"))
        return Child(
            pseudonym=self.pseudonym.text().strip()[:60],
            real_name=self.real_name.text().strip()[:200],
            date_of_birth=dob,
            age_years=None if self.age.value() < 0 else self.age.value(),
            sex=Sex(self.sex.currentData()),
            ethnicity=self.ethnicity.text().strip()[:200],
            disability=self.disability.text().strip()[:200],
            outcome=Outcome(self.outcome.currentData()),
            status=ChildStatus(self.status.currentData()),
        )
