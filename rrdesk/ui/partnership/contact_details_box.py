"""Partnership settings' Contact details: the address, telephone and email every letter carries."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.cases.partnership_contact import ContactError
from rrdesk.services.partnership.contact_details import ContactDetails
from rrdesk.ui.kit.form_widgets import hint_label
from rrdesk.ui.shell.messages import Messages


class ContactDetailsBox(QGroupBox):
    def __init__(
        self, details: ContactDetails, messages: Messages, parent: QWidget | None = None
    ) -> None:
        super().__init__("Contact details", parent)
        self.setObjectName("contact_details")
        self._details = details
        self._messages = messages
        self.address = QPlainTextEdit()
        self.address.setObjectName("contact_address")
        self.address.setAccessibleName("Postal address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 5)
        self.telephone = QLineEdit()
        self.telephone.setObjectName("contact_telephone")
        self.telephone.setAccessibleName("Telephone")
        self.email = QLineEdit()
        self.email.setObjectName("contact_email")
        self.email.setAccessibleName("Email")
        self.save_button = QPushButton("Save the contact details")
        self.save_button.setObjectName("save_contact_details")
        self.save_button.setAccessibleName("Save the contact details")

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "Printed at the top of every letter to a referrer, so they can reach you. Put "
                "each line of the address on its own line."
            )
        )
        form = QFormLayout()
        form.addRow("Postal address", self.address)
        form.addRow("Telephone", self.telephone)
        form.addRow("Email", self.email)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.refresh()

    def refresh(self) -> None:
        contact = self._details.contact()
        self.address.setPlainText("\n".join(contact.address))
        self.telephone.setText(contact.telephone)
        self.email.setText(contact.email)

    def _on_save_clicked(self) -> None:
        try:
            self._details.save(self.address.toPlainText(), self.telephone.text(), self.email.text())
        except ContactError as error:
            self._messages.error(self, "Contact details", str(error))
            return
        self.refresh()
        self._messages.info(
            self, "Contact details", "Saved. Letters made from now on carry these details."
        )
