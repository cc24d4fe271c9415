"""Reports for a chosen period, with the themes chart, and the PDF of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.review_reports import (
    PeriodReport,
    ReportError,
    ReportPeriod,
    median_words,
)
from rrdesk.domain.timetable.dates import DateError
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.ui.after_meeting.theme_bar_chart import ThemeBarChart
from rrdesk.ui.kit.form_widgets import DateInput, FormField, heading_label, name_widget
from rrdesk.ui.kit.save_paths import save_export
from rrdesk.ui.kit.scrolling_page import scrolling_body
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ReportsWidget(QWidget):
    def __init__(
        self,
        reports: ReportService,
        themes: ThemeService,
        messages: Messages,
        today: Callable[[], date],
        *,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports_widget")
        self._reports = reports
        self._themes = themes
        self._messages = messages
        self._today = today
        self._files = files
        self.report: PeriodReport | None = None
        self.start = DateInput("report_start", "Start of the period")
        self.end = DateInput("report_end", "End of the period")
        self.show_button = QPushButton("Show the report")
        name_widget(self.show_button, "show_report", "Show the report")
        self.pdf_button = QPushButton("Save as PDF")
        name_widget(self.pdf_button, "export_report_pdf", "Save the report as PDF")
        self.figures = QLabel()
        self.figures.setObjectName("report_figures")
        self.figures.setAccessibleName("Figures for the period")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.stages = QTableWidget(0, 2)
        name_widget(self.stages, "report_stages", "Reviews by stage")
        self.stages.verticalHeader().hide()
        self.stages.setHorizontalHeaderLabels(["Stage", "Cases"])
        self.chart = ThemeBarChart()
        self.agencies = QTableWidget(0, 4)
        name_widget(self.agencies, "report_agencies", "Actions by agency")
        self.agencies.verticalHeader().hide()
        self.agencies.setHorizontalHeaderLabels(["Agency", "Open", "Of which overdue", "Completed"])
        self._build()
        self.show_button.clicked.connect(self._on_show_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        now = today()
        self.start.set_value(date(now.year, 1, 1) if now.month > 3 else date(now.year - 1, 4, 1))
        self.end.set_value(now)
        self.show_report()

    def _build(self) -> None:
        layout = scrolling_body(self)
        layout.addWidget(heading_label("Reports", object_name="reports_heading"))
        period = QHBoxLayout()
        period.addWidget(FormField("From", self.start))
        period.addWidget(FormField("To", self.end))
        period.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignBottom)
        period.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignBottom)
        period.addStretch(1)
        layout.addLayout(period)
        layout.addWidget(self.figures)
        for title, widget in (
            ("Reviews by stage", self.stages),
            ("Themes by frequency", self.chart),
            ("Actions open and overdue by agency (as on today)", self.agencies),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box)
        layout.addStretch(1)

    def period(self) -> ReportPeriod:
        start = self.start.value(what="The start of the period")
        end = self.end.value(what="The end of the period")
        if start is None or end is None:
            raise DateError("Enter the start and the end of the period")
        return ReportPeriod(start, end)

    def show_report(self) -> None:
        try:
            period = self.period()
        except (DateError, ReportError) as error:
            self._messages.error(self, "The report cannot be shown", str(error))
            return
        report = self._reports.report(period, self._today())
        self.report = report
        taxonomy = self._themes.taxonomy()
        self.figures.setText(
            "\n".join(
                (
                    f"Period: {period.words}",
                    f"Cases in the period: {report.case_count}",
                    f"Decided within 15 working days: {report.on_time.words}",
                    f"Median working days used: {median_words(report.median_days)}",
                    f"Local reviews commissioned: {report.local_reviews_commissioned}",
                )
            )
        )
        _fill(self.stages, [(stage.label, str(count)) for stage, count in report.by_stage])
        self.chart.set_bars([(taxonomy.label_of(k), n) for k, n in report.themes])
        _fill(
            self.agencies,
            [
                (c.agency, str(c.open), str(c.overdue), str(c.completed))
                for c in report.actions_by_agency
            ],
        )
        for table in (self.stages, self.agencies):
            table.setFixedHeight(
                table.horizontalHeader().height()
                + sum(table.rowHeight(r) for r in range(table.rowCount()))
                + 6
            )

    def _on_show_clicked(self) -> None:
        self.show_report()

    def _on_pdf_clicked(self) -> None:
        try:
            period = self.period()
        except (DateError, ReportError) as error:
            self._messages.error(self, "The report cannot be saved", str(error))
            return

        def make(_path: Path) -> bytes:
            return self._reports.report_pdf(period, self._today())

        save_export(
            self,
            self._messages,
            self._files,
            title="Save the report",
            suggested_name=f"rapid-review-report-{period.start}-to-{period.end}.pdf",
            name_filter="PDF document (*.pdf)",
            make=make,
        )
