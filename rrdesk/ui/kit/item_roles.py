"""Qt's item data roles as the plain numbers its API takes.

PySide6 builds every enumeration of its ``Qt`` namespace (about a hundred, with over a thousand
names, some 15 milliseconds) the first time anything names it. The screens that make up the
first window use these numbers instead, so start-up does without that cost; the values are
``Qt.ItemDataRole``'s, checked by the tests. The namespace is built just after the window is first
painted (:func:`rrdesk.ui.shell.application.build_qt_namespace`): until then PySide6 cannot hand
one of its values to Python, so start-up code connects no signal that carries one.
"""

ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100
