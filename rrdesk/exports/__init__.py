"""rrdesk exports layer.

pyHanko names cryptography's DSA key type to recognise DSA keys, and cryptography 51 deprecates DSA
with a warning as soon as that name is imported. rrdesk never makes or reads a DSA key, so that
one warning, raised by pyHanko's own modules, is not shown (it would be printed by every command
that signs or checks a PDF). Every module that loads pyHanko is in this package, so the filter is
in place before pyHanko loads.
"""

import warnings

warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")
