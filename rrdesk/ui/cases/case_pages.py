"""The question pages of a case: one short page per topic, each with its own checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.domain.cases.cases import (
    MAX_CHILDREN,
    Case,
    ParallelProcess,
    Referral,
    ReferralRoute,
    Stage,
    ThresholdDiscussion,
    validate_case,
)
from rrdesk.domain.cases.email_address import EMAIL_FORMAT_MESSAGE, is_email_address
from rrdesk.ui.cases.case_fields import DATE_PAGES, checked_text, discussion_date_field
from rrdesk.ui.cases.child_block import ChildBlock, Errors
from rrdesk.ui.cases.stage_questions import THRESHOLD_FROM_STAGE, stage_is_notified, threshold_met
from rrdesk.ui.kit.form_widgets import DateInput, FormField, read_date
from rrdesk.ui.kit.question_page import ChoiceInput, QuestionPage

MAX_SUMMARY = 5000
THRESHOLD_ANSWERS: dict[bool | None, str] = {True: "met", False: "not_met", None: "not_decided"}
""""Was the threshold met?" as answered. A new case starts with none chosen (not decided)."""


class CaseForm:
    """Builds the question pages and turns them into a :class:`Case` and back."""

    def __init__(self, checker: TextChecker) -> None:
        self.stage_page = QuestionPage(
            "stage",
            "Where is the case in the process?",
            "rrdesk then asks only the questions that apply. You can change the stage later.",
        )
        self.stage = ChoiceInput("stage", tuple((s.value, s.label) for s in Stage))
        self.stage_field = FormField("Stage", self.stage, object_name="stage")
        self.stage_field.label.hide()
        self.stage_page.add_field("stage", self.stage_field)
        self.stage_page.finish()
        self.stage.changed.connect(self._on_stage_changed)

        self.children_page = QuestionPage(
            "children",
            "About the child or children",
            "One notification can cover up to four children.",
        )
        self.child_blocks = [ChildBlock(i) for i in range(MAX_CHILDREN)]
        for block in self.child_blocks:
            self.children_page.add(block)
        self.add_child_button = QPushButton("Add another child")
        self.add_child_button.setObjectName("add_child")
        self.add_child_button.clicked.connect(self._on_add_child_clicked)
        self.children_page.add(self.add_child_button)
        self.children_page.finish()

        self.dates_page = QuestionPage(
            "dates",
            "Dates",
            "The date the notification was sent starts the 15 working days: it is day 0.",
        )
        self.incident = FormField(
            "Date of the incident",
            DateInput("incident_date", "Date of the incident"),
            hint="For example, 14 11 2026",
        )
        self.aware = FormField(
            "Date the local authority became aware",
            DateInput("aware_date", "Date the local authority became aware"),
        )
        self.notified = FormField(
            "Date the notification was sent to the National Panel",
            DateInput("notification_date", "Date the notification was sent"),
            hint="For example, 14 11 2026",
        )
        self.np_reference = QLineEdit()
        self.np_reference_field = FormField(
            "National Panel notification reference",
            self.np_reference,
            object_name="np_reference",
        )
        self.ofsted_told = FormField(
            "Date Ofsted and the Secretary of State were told",
            DateInput("ofsted_told_date", "Date Ofsted and the Secretary of State were told"),
            hint="Only when a child who was looked after died: the local authority must tell"
            " them, whatever the cause",
        )
        for field in (
            self.incident,
            self.aware,
            self.notified,
            self.np_reference_field,
            self.ofsted_told,
        ):
            self.dates_page.add(field)
        self.dates_page.finish()

        self.authorities_page = QuestionPage("authorities", "Local authorities")
        self.notifying = QLineEdit()
        self.home = QLineEdit()
        self.notifying_field = FormField(
            "Notifying local authority",
            self.notifying,
            hint="The authority where the incident happened owns the review",
            object_name="notifying_authority",
        )
        self.home_field = FormField(
            "Child's home local authority", self.home, object_name="home_authority"
        )
        self.authorities_page.add(self.notifying_field)
        self.authorities_page.add(self.home_field)
        self.authorities_page.finish()

        self.summary_page = QuestionPage(
            "summary",
            "What happened",
            "A short summary in plain English. Do not copy from case notes.",
        )
        self.summary_box = checked_text(checker, "summary", "Summary of what happened")
        self.summary = self.summary_box.edit
        self.summary_field = FormField("Summary of what happened", self.summary_box)
        self.summary_page.add(self.summary_field)
        self.summary_page.finish()

        self.referral_page = QuestionPage("referral", "How the case came in")
        self.route = ChoiceInput("referral_route", tuple((r.value, r.label) for r in ReferralRoute))
        self.route_field = FormField("How did the case come in?", self.route)
        self.referrer_name = QLineEdit()
        self.referrer_role = QLineEdit()
        self.referrer_agency = QLineEdit()
        self.referrer_email = QLineEdit()
        self.referral_date = FormField(
            "Date of the referral", DateInput("referral_date", "Date of the referral")
        )
        self.discussed_date = discussion_date_field()
        self.referrer_email_field = FormField(
            "Referrer's email address", self.referrer_email, object_name="referrer_email"
        )
        for field in (
            self.route_field,
            FormField(
                "Referrer's name",
                self.referrer_name,
                hint="With their title if you know it, for example Ms Corinne Wren: the letter "
                "greets them as Dear Ms Wren",
                object_name="referrer_name",
            ),
            FormField("Referrer's role", self.referrer_role, object_name="referrer_role"),
            FormField("Referrer's agency", self.referrer_agency, object_name="referrer_agency"),
            self.referrer_email_field,
            self.referral_date,
            self.discussed_date,
        ):
            self.referral_page.add(field)
        self.referral_page.finish()

        self.threshold_page = QuestionPage(
            "threshold",
            "Threshold discussion",
            "The local authority, police and health discuss whether the threshold for a serious "
            "incident notification is met.",
        )
        self.threshold_date = FormField(
            "Date of the discussion", DateInput("threshold_date", "Date of the discussion")
        )
        self.threshold_people = QLineEdit()
        self.threshold_met = ChoiceInput(
            "threshold_met",
            (("met", "Met"), ("not_met", "Not met"), ("not_decided", "Not decided yet")),
        )
        self.threshold_met_field = FormField("Was the threshold met?", self.threshold_met)
        reasons = checked_text(checker, "threshold_reasons", "Reasons")
        self.threshold_reasons = reasons.edit
        for field in (
            self.threshold_date,
            FormField("Who took part", self.threshold_people, object_name="threshold_people"),
            self.threshold_met_field,
            FormField("Reasons", reasons),
        ):
            self.threshold_page.add(field)
        self.threshold_page.finish()

        self.parallel_page = QuestionPage(
            "parallel", "Parallel processes", "Select all that apply."
        )
        self.parallel_checks: dict[ParallelProcess, QCheckBox] = {}
        for process in ParallelProcess:
            check = QCheckBox(process.label)
            check.setObjectName(f"parallel_{process.value}")
            self.parallel_checks[process] = check
            self.parallel_page.add(check)
        self.parallel_page.finish()

        self.pages = [
            self.stage_page,
            self.children_page,
            self.dates_page,
            self.authorities_page,
            self.summary_page,
            self.referral_page,
            self.threshold_page,
            self.parallel_page,
        ]
        self._base = Case(reference="", children=())
        self._show_children(1)
        self._on_stage_changed()

    def chosen_stage(self) -> Stage | None:
        """The stage chosen on the first page; ``None`` until one is."""
        value = self.stage.value()
        return Stage(value) if value else None

    def _on_stage_changed(self) -> None:
        """Ask only what applies to the stage: a case not notified has no notification date or
        National Panel reference, and its stage already says whether the threshold was met."""
        stage = self.chosen_stage()
        notified = stage is None or stage_is_notified(stage)
        for field in (self.notified, self.np_reference_field):
            field.setVisible(notified)
        self.dates_page.set_hint(
            "The date the notification was sent starts the 15 working days: it is day 0."
            if notified
            else "Leave a date blank if you do not know it yet."
        )
        self.threshold_met_field.setVisible(stage not in THRESHOLD_FROM_STAGE)

    def _show_children(self, count: int) -> None:
        for index, block in enumerate(self.child_blocks):
            block.setVisible(index < count)
        self.add_child_button.setVisible(count < MAX_CHILDREN)

    def _visible_children(self) -> int:
        return sum(1 for block in self.child_blocks if not block.isHidden())

    def _on_add_child_clicked(self) -> None:
        self._show_children(min(MAX_CHILDREN, self._visible_children() + 1))

    def load(self, case: Case, *, new: bool = False) -> None:
        """Show ``case``'s answers; a ``new`` case has no stage chosen yet."""
        self._base = case
        for index, block in enumerate(self.child_blocks):
            block.load(case.children[index] if index < len(case.children) else None)
        self._show_children(max(1, len(case.children)))
        for field, value in (
            (self.incident, case.incident_date),
            (self.aware, case.la_aware_date),
            (self.notified, case.notification_sent),
            (self.ofsted_told, case.ofsted_told_on),
            (self.referral_date, case.referral.referral_date),
            (self.discussed_date, case.referral.discussed_on),
            (self.threshold_date, case.threshold.held_on),
        ):
            assert isinstance(field.field, DateInput)
            field.field.set_value(value)
        self.np_reference.setText(case.national_panel_reference)
        self.notifying.setText(case.notifying_authority)
        self.home.setText(case.home_authority)
        self.summary.load(case.summary)
        self.route.set_value("" if new else case.referral.route.value)
        self.referrer_name.setText(case.referral.referrer_name)
        self.referrer_role.setText(case.referral.referrer_role)
        self.referrer_agency.setText(case.referral.referrer_agency)
        self.referrer_email.setText(case.referral.referrer_email)
        self.threshold_people.setText(case.threshold.participants)
        self.threshold_met.set_value("" if new else THRESHOLD_ANSWERS[case.threshold.met])
        self.threshold_reasons.load(case.threshold.reasons)
        for process, check in self.parallel_checks.items():
            check.setChecked(process in case.parallel_processes)
        self.stage.set_value("" if new else case.stage.value)
        self._on_stage_changed()

    def read(self, today: date) -> tuple[Case, dict[str, Errors]]:
        """The case as typed, and the problems on each page (by page key)."""
        errors: dict[str, Errors] = {page.key: [] for page in self.pages}
        children = []
        for index, block in enumerate(self.child_blocks[: self._visible_children()]):
            if index > 0 and block.is_blank():
                continue
            children.append(block.read(errors["children"], today))
        if not self.route.value():
            errors["referral"].append((self.route_field, "Select how the case came in"))
        dates: dict[str, date | None] = {}
        for key, field, what in (
            ("incident", self.incident, "The date of the incident"),
            ("aware", self.aware, "The date the local authority became aware"),
            ("notified", self.notified, "The date the notification was sent"),
            ("ofsted", self.ofsted_told, "The date Ofsted and the Secretary of State were told"),
            ("referral", self.referral_date, "The date of the referral"),
            ("discussed", self.discussed_date, "The date of the discussion"),
            ("threshold", self.threshold_date, "The date of the discussion"),
        ):
            value, problem = read_date(field, what=what)
            page = DATE_PAGES.get(key, "dates")
            if problem:
                errors[page].append((field, problem))
            elif value is not None and value > today and key != "threshold":
                errors[page].append((field, f"{what} must be today or in the past"))
            dates[key] = value
        if len(self.summary.toPlainText()) > MAX_SUMMARY:
            errors["summary"].append(
                (self.summary_field, f"The summary must be {MAX_SUMMARY} characters or fewer")
            )
        email = self.referrer_email.text().strip()
        if email and not is_email_address(email):
            errors["referral"].append((self.referrer_email_field, EMAIL_FORMAT_MESSAGE))
        chosen = self.chosen_stage()
        if chosen is None:
            errors["stage"].append((self.stage_field, "Select where the case is in the process"))
        stage = chosen or self._base.stage
        if not stage_is_notified(stage):
            dates["notified"] = None
        elif stage.is_open and dates["notified"] is None and not errors["dates"]:
            errors["dates"].append((self.notified, "Enter the date the notification was sent"))
        met = threshold_met(stage, {"met": True, "not_met": False}.get(self.threshold_met.value()))
        said_before = THRESHOLD_FROM_STAGE.get(self._base.stage, "asked")
        if self._base.case_id is not None and said_before == THRESHOLD_FROM_STAGE.get(stage, ""):
            met = self._base.threshold.met  # the stage says what it said: kept as it was
        case = replace(
            self._base,
            children=tuple(children),
            incident_date=dates["incident"],
            la_aware_date=dates["aware"],
            ofsted_told_on=dates["ofsted"],
            notification_sent=dates["notified"],
            national_panel_reference=(
                self.np_reference.text().strip()[:60] if stage_is_notified(stage) else ""
            ),
            notifying_authority=self.notifying.text().strip()[:200],
            home_authority=self.home.text().strip()[:200],
            summary=self.summary.toPlainText()[:MAX_SUMMARY],
            referral=Referral(
                route=ReferralRoute(self.route.value() or self._base.referral.route.value),
                referrer_name=self.referrer_name.text().strip()[:200],
                referrer_role=self.referrer_role.text().strip()[:200],
                referrer_agency=self.referrer_agency.text().strip()[:200],
                referrer_email=email[:200],
                referral_date=dates["referral"],
                discussed_on=dates["discussed"],
            ),
            threshold=ThresholdDiscussion(
                held_on=dates["threshold"],
                participants=self.threshold_people.text().strip()[:500],
                met=met,
                reasons=self.threshold_reasons.toPlainText()[:MAX_SUMMARY],
            ),
            parallel_processes=frozenset(
                process for process, check in self.parallel_checks.items() if check.isChecked()
            ),
            stage=stage,
        )
        self._add_date_order_problems(case, errors)
        return case, errors

    def _add_date_order_problems(self, case: Case, errors: dict[str, Errors]) -> None:
        if errors["dates"]:
            return
        for field_name, message in validate_case(case):
            if field_name == "notification_sent" and "between" in message:
                errors["dates"].append((self.notified, message))
                return
        if (
            case.incident_date
            and case.notification_sent
            and case.incident_date > case.notification_sent
        ):
            errors["dates"].append(
                (
                    self.incident,
                    "The date of the incident must be on or before the notification date",
                )
            )
        if (
            case.la_aware_date
            and case.notification_sent
            and case.la_aware_date > case.notification_sent
        ):
            errors["dates"].append(
                (
                    self.aware,
                    "The date the local authority became aware must be on or before the "
                    "notification date",
                )
            )
        if case.ofsted_told_on and case.incident_date and case.ofsted_told_on < case.incident_date:
            errors["dates"].append(
                (self.ofsted_told, "Ofsted cannot have been told before the date of the incident")
            )
        if case.incident_date and case.la_aware_date and case.incident_date > case.la_aware_date:
            errors["dates"].append(
                (self.aware, "The local authority cannot have become aware before the incident")
            )
