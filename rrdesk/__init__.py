"""rrdesk: run the statutory Rapid Review securely and offline."""

__version__ = "0.1.0"
