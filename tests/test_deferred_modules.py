"""Deferred modules: a placeholder until a name is read from it, then the real module."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rrdesk.deferred_modules import DeferredModule, defer, is_deferred

PROBE = """
import sys
LOADED_TIMES = getattr(sys, "rrdesk_probe_loads", 0) + 1
sys.rrdesk_probe_loads = LOADED_TIMES
ANSWER = 42

def double(number):
    return 2 * number
"""


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A module on the path, named for this test, that counts how often it is loaded."""
    name = "rrdesk_probe_module"
    (tmp_path / f"{name}.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "rrdesk_probe_loads", 0, raising=False)
    yield name
    sys.modules.pop(name, None)


def test_an_import_statement_gets_the_placeholder_without_loading(probe: str) -> None:
    assert defer(probe) == [probe]
    module = __import__(probe)
    assert isinstance(module, DeferredModule)
    assert is_deferred(probe)
    assert sys.rrdesk_probe_loads == 0  # type: ignore[attr-defined]


def test_reading_a_name_loads_the_real_module_once(probe: str) -> None:
    defer(probe)
    placeholder = __import__(probe)
    assert placeholder.ANSWER == 42
    assert placeholder.double(4) == 8
    assert sys.rrdesk_probe_loads == 1  # type: ignore[attr-defined]
    assert not is_deferred(probe)
    real = sys.modules[probe]
    assert not isinstance(real, DeferredModule)
    assert real.double is placeholder.double
    with pytest.raises(AttributeError):
        _ = placeholder.missing


def test_from_import_loads_it(probe: str) -> None:
    defer(probe)
    namespace: dict[str, object] = {}
    exec(f"from {probe} import ANSWER", namespace)
    assert namespace["ANSWER"] == 42
    assert sys.rrdesk_probe_loads == 1  # type: ignore[attr-defined]


def test_looking_at_dunder_names_does_not_load_it(probe: str) -> None:
    defer(probe)
    placeholder = sys.modules[probe]
    assert placeholder.__name__ == probe
    assert placeholder.__spec__ is not None
    with pytest.raises(AttributeError):
        _ = placeholder.__file__
    assert sys.rrdesk_probe_loads == 0  # type: ignore[attr-defined]


def test_a_module_that_is_not_installed_is_not_deferred() -> None:
    assert defer("rrdesk_no_such_module") == []
    with pytest.raises(ImportError):
        __import__("rrdesk_no_such_module")


def test_a_loaded_module_is_left_as_it_is() -> None:
    assert defer("json") == []
    assert not is_deferred("json")


def test_a_submodule_placeholder_is_on_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "rrdesk_probe_package"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "part.py").write_text("VALUE = 'loaded'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert defer("rrdesk_probe_package.part") == ["rrdesk_probe_package.part"]
        namespace: dict[str, object] = {}
        exec("import rrdesk_probe_package.part as part\nvalue = part.VALUE", namespace)
        assert namespace["value"] == "loaded"
    finally:
        sys.modules.pop("rrdesk_probe_package.part", None)
        sys.modules.pop("rrdesk_probe_package", None)
