"""One child on a case's first question page: pseudonym, private details and status."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLineEdit, QSpinBox, QVBoxLayout

from rrdesk.domain.cases.cases import Child, ChildStatus, Outcome, Sex
from rrdesk.ui.kit.form_widgets import DateInput, FormField, read_date
from rrdesk.ui.kit.question_page import ChoiceInput

Errors = list[tuple[FormField, str]]


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
        self.sex = ChoiceInput(f"{prefix}_sex", tuple((s.value, s.label) for s in Sex))
        self.sex_field = FormField("Sex", self.sex, object_name=f"{prefix}_sex")
        self.ethnicity = QLineEdit()
        self.disability = QLineEdit()
        self.outcome = ChoiceInput(f"{prefix}_outcome", tuple((o.value, o.label) for o in Outcome))
        self.status = ChoiceInput(
            f"{prefix}_status", tuple((s.value, s.label) for s in ChildStatus)
        )
        self.outcome_field = FormField(
            "Died or seriously harmed", self.outcome, object_name=f"{prefix}_outcome"
        )
        self.status_field = FormField(
            "Status with children's services at the time",
            self.status,
            object_name=f"{prefix}_status",
        )
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
            self.sex_field,
            FormField("Ethnicity", self.ethnicity, object_name=f"{prefix}_ethnicity"),
            FormField("Disability, if any", self.disability, object_name=f"{prefix}_disability"),
            self.outcome_field,
            self.status_field,
        ):
            layout.addWidget(field)

    def load(self, child: Child | None) -> None:
        """Show ``child``'s answers; with none, the questions that matter start unanswered."""
        self.sex.set_value(child.sex.value if child else "")
        self.outcome.set_value(child.outcome.value if child else "")
        self.status.set_value(child.status.value if child else "")
        child = child or Child("")
        self.pseudonym.setText(child.pseudonym)
        self.real_name.setText(child.real_name)
        self.date_of_birth.set_value(child.date_of_birth)
        self.age.setValue(-1 if child.age_years is None else child.age_years)
        self.ethnicity.setText(child.ethnicity)
        self.disability.setText(child.disability)

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
        if not self.sex.value():
            errors.append((self.sex_field, "Select the child's sex, or 'Not known'"))
        if not self.outcome.value():
            errors.append(
                (self.outcome_field, "Select whether the child died or was seriously harmed")
            )
        if not self.status.value():
            errors.append((self.status_field, "Select the child's status with children's services"))
        return Child(
            pseudonym=self.pseudonym.text().strip()[:60],
            real_name=self.real_name.text().strip()[:200],
            date_of_birth=dob,
            age_years=None if self.age.value() < 0 else self.age.value(),
            sex=Sex(self.sex.value() or Sex.NOT_KNOWN.value),
            ethnicity=self.ethnicity.text().strip()[:200],
            disability=self.disability.text().strip()[:200],
            outcome=Outcome(self.outcome.value() or Child("").outcome.value),
            status=ChildStatus(self.status.value() or Child("").status.value),
        )
