"""Where resources/ and migrations/ are found, from a checkout and inside a PyInstaller bundle.

A frozen app sets ``sys.frozen`` and unpacks its data files into ``sys._MEIPASS``
(packaging/atrium.spec puts resources/ and migrations/ at its top). These tests
check `desktop.config.bundle_root` directly, then start fresh interpreters that
pretend to be frozen before importing Atrium, so the module constants
(RESOURCES_DIR, APP_ICON, MIGRATIONS_DIR) are computed the way the bundle computes
them, and a real migration runs from a copy of the history in a fake bundle.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import config
from desktop.store import migrate

CHECKOUT = Path(__file__).resolve().parents[2]

PRETEND_FROZEN = """
import json, sys
sys.frozen = True
sys._MEIPASS = sys.argv[1]
from desktop import config
from desktop.store import migrate
out = {
    "root": str(config.bundle_root()),
    "resources": str(config.RESOURCES_DIR),
    "icon": str(config.APP_ICON),
    "migrations": str(migrate.MIGRATIONS_DIR),
    "script_location": migrate.alembic_config().get_main_option("script_location"),
}
if len(sys.argv) > 2:
    from desktop.store.engine import sqlite_engine
    from pathlib import Path
    database = Path(sys.argv[2])
    migrate.upgrade(sqlite_engine(database))
    out["revision"] = migrate.sqlite_revision(database)
    out["known"] = sorted(migrate.known_revisions())
print(json.dumps(out))
"""


def _pretend_frozen(bundle: Path, *extra: str) -> dict[str, object]:
    """Run PRETEND_FROZEN in a fresh interpreter with `bundle` as sys._MEIPASS."""
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    done = subprocess.run(
        [sys.executable, "-c", PRETEND_FROZEN, str(bundle), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=bundle,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_from_a_checkout_the_folders_sit_beside_the_package() -> None:
    assert config.bundle_root() == CHECKOUT
    assert config.RESOURCES_DIR == CHECKOUT / "resources"
    assert migrate.MIGRATIONS_DIR == CHECKOUT / "migrations"
    assert config.APP_ICON.is_file()
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "script.py.mako").is_file()


def test_frozen_uses_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert config.bundle_root() == tmp_path.resolve()


@pytest.mark.parametrize(
    ("frozen", "meipass"),
    [(True, None), (False, "bundle"), (None, "bundle")],
    ids=["frozen-without-meipass", "meipass-but-not-frozen", "no-frozen-attribute"],
)
def test_only_a_pyinstaller_bundle_moves_the_root(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, frozen: bool | None, meipass: str | None
) -> None:
    """Another freezer (sys.frozen alone) or a stray _MEIPASS keeps the checkout's folders."""
    if frozen is None:
        monkeypatch.delattr(sys, "frozen", raising=False)
    else:
        monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    if meipass is None:
        monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    else:
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / meipass), raising=False)
    assert config.bundle_root() == CHECKOUT


def test_frozen_module_constants_point_into_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    found = _pretend_frozen(bundle)
    assert found["root"] == str(bundle.resolve())
    assert found["resources"] == str(bundle.resolve() / "resources")
    assert found["icon"] == str(bundle.resolve() / "resources" / "icons" / "atrium.svg")
    assert found["migrations"] == str(bundle.resolve() / "migrations")
    assert found["script_location"] == found["migrations"]


def test_frozen_app_migrates_from_the_bundled_history(tmp_path: Path) -> None:
    """A new database reaches the head revision with only the bundle's copy of migrations/."""
    bundle = tmp_path / "_internal"
    shutil.copytree(
        CHECKOUT / "migrations",
        bundle / "migrations",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    found = _pretend_frozen(bundle, str(tmp_path / "atrium.sqlite3"))
    assert found["migrations"] == str(bundle.resolve() / "migrations")
    assert found["revision"] == migrate.HEAD_REVISION
    assert found["known"] == sorted(migrate.known_revisions())


def test_frozen_app_without_the_history_fails_loudly(tmp_path: Path) -> None:
    """An empty bundle (migrations/ not packed) must not silently read the checkout's copy."""
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    done = subprocess.run(
        [sys.executable, "-c", PRETEND_FROZEN, str(bundle), str(tmp_path / "atrium.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        cwd=bundle,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert str(bundle.resolve() / "migrations") in done.stderr


def test_the_spec_is_valid_python() -> None:
    spec = CHECKOUT / "packaging" / "atrium.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
