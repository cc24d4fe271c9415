"""Where rrdesk keeps things on this computer (per user, never roaming)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "rrdesk"
DEFAULT_STORE_NAME = "partnership.rrdesk"


def data_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_store_path() -> Path:
    return data_folder() / DEFAULT_STORE_NAME
