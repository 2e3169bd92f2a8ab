"""`atrium desktop install|uninstall [--prefix DIR]`: put Atrium on the Linux desktop.

Install copies the .desktop entry (its Exec lines pointing at this `atrium`), the
AppStream metainfo and the icons (hicolor PNGs 16-512 and the scalable SVG,
renamed to the application id) below PREFIX, by default the user's XDG data
directory (~/.local/share): applications/, icons/hicolor/<size>/apps/,
metainfo/. It writes a manifest of every file and folder it created, and
uninstall removes exactly those, so a second install or an uninstall never
touches anything else. No Qt and no database.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say
from desktop.config import RESOURCES_DIR
from desktop.core.errors import UserError
from desktop.services.desktop_entry import APP_ID, DESKTOP_FILE, exec_line, xdg_data_home

LINUX_DIR = RESOURCES_DIR.parent / "packaging" / "linux"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
MANIFEST = Path("atrium") / "desktop-install.json"


@dataclass
class Installed:
    """What one install created below its prefix (relative paths), in creation order."""

    prefix: Path
    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)

    def folder(self, relative: Path) -> Path:
        """Create `relative` (and its parents) below the prefix, noting each one created."""
        missing = []
        for part in [relative, *relative.parents]:
            if part == Path(".") or (self.prefix / part).is_dir():
                break
            missing.append(part)
        for part in reversed(missing):
            (self.prefix / part).mkdir()
            self.folders.append(part.as_posix())
        return self.prefix / relative

    def write(self, relative: Path, content: bytes) -> None:
        self.folder(relative.parent)
        (self.prefix / relative).write_bytes(content)
        if relative.as_posix() not in self.files:
            self.files.append(relative.as_posix())


def desktop_entry_text(source: Path) -> str:
    """The packaged .desktop entry with its Exec lines running this installation's atrium."""
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec=atrium"):
            rest = line.removeprefix("Exec=atrium")
            line = "Exec=" + exec_line([]) + rest
        elif line.startswith("TryExec="):
            continue  # the absolute Exec path is the test
        lines.append(line)
    return "\n".join(lines) + "\n"


def _sources() -> list[tuple[Path, Path]]:
    """(source, destination relative to the prefix) for every file but the .desktop entry."""
    icons = RESOURCES_DIR / "icons"
    pairs = [(LINUX_DIR / METAINFO_FILE, Path("metainfo") / METAINFO_FILE)]
    for png in sorted((icons / "hicolor").glob("*/apps/atrium.png")):
        size = png.parent.parent.name
        pairs.append((png, Path("icons/hicolor") / size / "apps" / f"{APP_ID}.png"))
    pairs.append((icons / "atrium.svg", Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg"))
    missing = [str(s) for s, _ in pairs if not s.is_file()]
    if not (LINUX_DIR / DESKTOP_FILE).is_file():
        missing.append(str(LINUX_DIR / DESKTOP_FILE))
    if missing:
        raise UserError(
            f"this Atrium lacks its desktop files ({', '.join(missing)}); "
            "install from a source checkout or a complete bundle"
        )
    return pairs


def _prefix(chosen: str | None) -> Path:
    return Path(chosen).expanduser().resolve() if chosen else xdg_data_home()


def install(prefix: Path) -> Installed:
    """Install the entry, metainfo and icons below `prefix`; replaces an earlier install."""
    if (prefix / MANIFEST).is_file():
        uninstall(prefix)
    done = Installed(prefix)
    created_prefix = not prefix.exists()
    try:
        sources = _sources()
        prefix.mkdir(parents=True, exist_ok=True)
        for source, relative in sources:
            done.write(relative, source.read_bytes())
        entry = desktop_entry_text(LINUX_DIR / DESKTOP_FILE)
        done.write(Path("applications") / DESKTOP_FILE, entry.encode())
        done.folder(MANIFEST.parent)
        if created_prefix:
            done.folders.insert(0, ".")
        done.files.append(MANIFEST.as_posix())
        record = {"files": done.files, "folders": done.folders}
        done.write(MANIFEST, json.dumps(record, indent=2).encode())
    except OSError as exc:
        _remove(prefix, done.files, done.folders)
        raise UserError(
            f"cannot install into {prefix}: {exc.strerror} ({exc.filename}); "
            "choose a writable folder with --prefix"
        ) from None
    return done


def uninstall(prefix: Path) -> list[str]:
    """Remove what the install below `prefix` wrote; the files removed."""
    manifest = prefix / MANIFEST
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(
            f"Atrium is not installed in {prefix} (no {MANIFEST}); "
            "give the --prefix used to install it"
        ) from None
    except (OSError, ValueError) as exc:
        raise UserError(f"the install manifest {manifest} cannot be read: {exc}") from None
    files = [str(f) for f in record.get("files", [])]
    folders = [str(f) for f in record.get("folders", [])]
    # The manifest goes last, so that a failed uninstall can be run again.
    ordered = [f for f in files if f != MANIFEST.as_posix()] + [MANIFEST.as_posix()]
    return _remove(prefix, ordered, folders)


def _remove(prefix: Path, files: list[str], folders: list[str]) -> list[str]:
    removed = []
    for relative in files:
        target = prefix / relative
        if ".." in Path(relative).parts or Path(relative).is_absolute():
            continue  # a manifest never names anything outside its prefix
        try:
            target.unlink()
            removed.append(relative)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise UserError(f"cannot remove {target}: {exc.strerror}") from None
    for relative in sorted(folders, key=lambda f: -len(Path(f).parts)):
        if ".." in Path(relative).parts or Path(relative).is_absolute():
            continue
        try:
            (prefix / relative).rmdir()  # only when empty: files the user added stay
        except OSError:
            pass
    return removed


def desktop_install(args: argparse.Namespace, _paths: object) -> int:
    prefix = _prefix(args.prefix)
    done = install(prefix)
    if args.json:
        emit_json({"prefix": str(prefix), "files": done.files}, _utc())
    else:
        icons = _icons(done.files)
        say(f"Installed Atrium's desktop entry, metainfo and {icons} icons in {prefix}.")
    return 0


def desktop_uninstall(args: argparse.Namespace, _paths: object) -> int:
    prefix = _prefix(args.prefix)
    removed = uninstall(prefix)
    if args.json:
        emit_json({"prefix": str(prefix), "removed": removed}, _utc())
    else:
        say(f"Removed {len(removed)} files of Atrium's desktop integration from {prefix}.")
    return 0


def _icons(files: list[str]) -> int:
    return sum(1 for f in files if f.startswith("icons/"))


def _utc() -> ZoneInfo:
    return ZoneInfo("UTC")


HANDLERS = {"desktop.install": desktop_install, "desktop.uninstall": desktop_uninstall}
