"""What backup files are called: the one thing both writing backups and listing them need."""

from __future__ import annotations

BACKUP_SUFFIX = ".rrbackup"
