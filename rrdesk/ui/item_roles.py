"""Qt's item data roles as the plain numbers its API takes.

PySide6 builds every enumeration of its ``Qt`` namespace (about a hundred, with over a thousand
names, some 15 milliseconds) the first time anything names it. The screens that make up the
first window use these numbers instead, so start-up does without that cost; the values are
``Qt.ItemDataRole``'s, checked by the tests.
"""

ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100
