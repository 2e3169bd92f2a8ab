"""Build Atrium's PyInstaller bundle, then check that the frozen app really works.

    .venv/bin/python packaging/build.py              one folder: dist/atrium/atrium
    .venv/bin/python packaging/build.py --onefile    one file:   dist/atrium-onefile
    .venv/bin/python packaging/build.py --no-build   only check an existing build

`make package` (ONEFILE=1 for one file) runs this. After PyInstaller it runs the frozen app
the way a user would, each check on a fresh temporary profile: `--version`, `--smoke` (its
JSON line), `--smoke --all-panes` (every lazily imported pane), the CLI (`task add` with a
phrase only dateparser reads, `task list --json`), time zones from the bundled tzdata only,
an iCalendar export, `doctor --json` (migrations applied from the bundle) and, when
packaging/linux exists, `desktop install`. It fails (exit 1) when a check fails, the bundle
misses a Qt library, or the bundle is bigger than --max-mb. It prints the size, the build
time and the frozen smoke's ready_ms next to the source's (`.venv/bin/atrium --smoke` on an
equally empty profile), and writes them to dist/atrium-build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "atrium.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
REPORT = DIST / "atrium-build.json"
SOURCE_ATRIUM = ROOT / ".venv" / "bin" / "atrium"
MAX_MB = 250.0
CHECK_TIMEOUT = 180
# Libraries the bundle must carry itself: a missing one means the spec dropped too much.
BUNDLED_LIBRARIES = re.compile(r"^\s*(lib(?:Qt6|pyside6|shiboken6)\S*) => not found", re.M)
# A phrase the grammar does not know: only dateparser (the "general reader") gives it a date.
DATEPARSER_PHRASE = "Pay rent in 2 fortnights"


@dataclass
class Report:
    """What one build and its checks found (written as JSON beside the bundle)."""

    onefile: bool
    executable: str = ""
    build_seconds: float | None = None
    size_mb: float | None = None
    max_mb: float = MAX_MB
    frozen_ready_ms: dict[str, float] = field(default_factory=dict)
    source_ready_ms: dict[str, float] = field(default_factory=dict)
    frozen_panes_ms: dict[str, float] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)  # name -> "ok" or the failure

    @property
    def failures(self) -> dict[str, str]:
        return {name: result for name, result in self.checks.items() if result != "ok"}


class CheckError(Exception):
    """One check of the frozen app failed; the message says how."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="build one executable file")
    parser.add_argument("--no-build", action="store_true", help="check the existing build only")
    parser.add_argument("--max-mb", type=float, default=MAX_MB, help="largest bundle accepted")
    args = parser.parse_args(argv)

    report = Report(onefile=args.onefile, max_mb=args.max_mb)
    executable = DIST / ("atrium-onefile" if args.onefile else "atrium/atrium")
    report.executable = str(executable)
    if not args.no_build:
        report.build_seconds = build(args.onefile)
    if not executable.is_file():
        print(f"package: {executable} is missing; build it first (make package)", file=sys.stderr)
        return 1

    report.size_mb = round(bundle_bytes(executable, args.onefile) / 1_000_000, 1)
    check(report, "size", lambda: check_size(report.size_mb or 0.0, args.max_mb))
    if not args.onefile and sys.platform.startswith("linux"):
        check(report, "qt_libraries", lambda: check_libraries(executable.parent))
    check(report, "lazy_modules", lambda: check_modules(executable, args.onefile))
    run_checks(report, executable)

    DIST.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    print_summary(report)
    return 1 if report.failures else 0


# --- Build ---------------------------------------------------------------------------------------


def build(onefile: bool) -> float:
    """Run PyInstaller on the spec; returns how long it took (seconds)."""
    env = {**os.environ, "ATRIUM_ONEFILE": "1" if onefile else "0"}
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    print(f"package: building the {'one-file' if onefile else 'one-folder'} bundle", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    seconds = round(time.perf_counter() - started, 1)
    if done.returncode != 0:
        raise SystemExit(f"package: PyInstaller failed (exit {done.returncode})")
    print(f"package: built in {seconds} s", flush=True)
    return seconds


def bundle_bytes(executable: Path, onefile: bool) -> int:
    """Bytes on disk of the bundle: the one file, or every file of the folder (no symlinks)."""
    if onefile:
        return executable.stat().st_size
    return sum(
        path.stat().st_size
        for path in executable.parent.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def check_size(size_mb: float, max_mb: float) -> None:
    if size_mb > max_mb:
        raise CheckError(f"the bundle has {size_mb} MB, more than {max_mb} MB")


def check_libraries(folder: Path) -> None:
    """Every shared object of the bundle finds the Qt/PySide libraries it links (ldd)."""
    if shutil.which("ldd") is None:
        return
    internal = folder / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: set[str] = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for name in BUNDLED_LIBRARIES.findall(out.stdout):
            missing.add(f"{path.relative_to(internal)} needs {name}")
    if missing:
        raise CheckError("; ".join(sorted(missing)[:5]) + (" ..." if len(missing) > 5 else ""))


def lazy_modules() -> list[str]:
    """Modules imported by name at run time, which PyInstaller's analysis cannot see."""
    registry = (ROOT / "desktop" / "ui" / "panes" / "registry.py").read_text(encoding="utf-8")
    panes = sorted(set(re.findall(r'"(desktop\.ui\.panes\.\w+):\w+"', registry)))
    return [
        *panes,
        "desktop.ui.smoke",
        "alembic.runtime.migration",
        "alembic.ddl.sqlite",
        "alembic.op",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "keyring.backends.SecretService",
        "keyring.backends.kwallet",
        "keyring.backends.libsecret",
        "secretstorage",
        "jeepney",
        "apscheduler.schedulers.background",
        "apscheduler.triggers.interval",
        "apscheduler.executors.pool",
        "apscheduler.jobstores.memory",
        "dateparser.data.date_translation_data.en",
        "icalendar.cal",
        "tzlocal",
    ]


def check_modules(executable: Path, onefile: bool) -> None:
    """The lazily imported modules are in the bundle's archive, entry points beside it."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    present = set(archive.open_embedded_archive(pyz).toc)
    missing = [name for name in lazy_modules() if name not in present]
    if not onefile:
        internal = executable.parent / "_internal"
        for package in ("keyring", "apscheduler"):  # plugins found through entry points
            if not any(
                internal.glob(f"[{package[0]}{package[0].upper()}]{package[1:]}-*.dist-info")
            ):
                missing.append(f"{package} metadata (entry points)")
    if missing:
        raise CheckError(f"not in the bundle: {', '.join(missing)}")


# --- Checks of the frozen app --------------------------------------------------------------------


def check(report: Report, name: str, run: Callable[[], None]) -> None:
    """Run one check, note "ok" or why it failed."""
    try:
        run()
    except CheckError as exc:
        report.checks[name] = str(exc)
        print(f"package: check {name}: FAILED: {exc}", flush=True)
    else:
        report.checks[name] = "ok"
        print(f"package: check {name}: ok", flush=True)


def app_env(**extra: str) -> dict[str, str]:
    """The environment of a checked run: offscreen Qt, no profile from the caller."""
    # PYTHON_KEYRING_BACKEND is dropped too: the test suite points it at keyrings.alt, which the
    # bundle does not carry; the frozen app must find its keyring the way a user's does.
    dropped = {"ATRIUM_DATA_DIR", "PYTHON_KEYRING_BACKEND"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run_app(program: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    """Run the app; its stdout, or CheckError with the end of its stderr."""
    command = [str(program), *arguments]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=env or app_env(),
            timeout=CHECK_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CheckError(f"`{' '.join(arguments)}` did not end in {CHECK_TIMEOUT} s") from None
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise CheckError(f"`{' '.join(arguments)}` exited {done.returncode}: {tail}")
    return done.stdout


def json_line(text: str) -> dict[str, Any]:
    """The last line of `text` that is a JSON object."""
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            found = json.loads(line)
            if isinstance(found, dict):
                return found
    raise CheckError(f"no JSON line in the output: {text.strip()[:200]!r}")


def json_document(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise CheckError(f"not one JSON document: {text.strip()[:200]!r}") from None


def run_checks(report: Report, app: Path) -> None:
    """Every check of the frozen app, each on its own fresh profile."""
    with tempfile.TemporaryDirectory(prefix="atrium-package-") as tmp:
        scratch = Path(tmp)
        profiles = iter(range(1000))

        def fresh() -> str:
            path = scratch / f"profile-{next(profiles)}"
            return str(path)

        check(report, "version", lambda: check_version(app))
        check(report, "smoke", lambda: check_smoke(report, app, fresh))
        check(report, "all_panes", lambda: check_all_panes(report, app, fresh()))
        check(report, "cli_tasks", lambda: check_tasks(app, fresh()))
        check(report, "tzdata", lambda: check_tzdata(app, fresh()))
        check(report, "icalendar", lambda: check_ical(app, fresh(), scratch / "tasks.ics"))
        check(report, "doctor", lambda: check_doctor(app, fresh()))
        if (ROOT / "packaging" / "linux").is_dir():
            check(report, "desktop_install", lambda: check_desktop(app, fresh(), scratch))


def check_version(app: Path) -> None:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    expected = f"atrium {found.group(1) if found else '?'}"
    got = run_app(app, "--version").strip()
    if got != expected:
        raise CheckError(f"--version printed {got!r}, expected {expected!r}")


def smoke_ms(program: Path, data_dir: str) -> tuple[float, float]:
    """One `--smoke` run: its ready_ms and the wall time from launch to exit (ms).

    ready_ms counts from the start of the Python process; the one-file build unpacks itself
    in a parent process first, which only the wall time includes.
    """
    started = time.perf_counter()
    line = json_line(run_app(program, "--smoke", "--data-dir", data_dir))
    wall = (time.perf_counter() - started) * 1000
    if not isinstance(line.get("ready_ms"), int | float):
        raise CheckError(f"--smoke printed no ready_ms: {line}")
    return float(line["ready_ms"]), wall


def check_smoke(report: Report, app: Path, fresh: Callable[[], str]) -> None:
    """Frozen and source start-up: first start on an empty profile, then the median of 3."""

    def figures(program: Path) -> dict[str, float]:
        profile = fresh()
        cold, cold_wall = smoke_ms(program, profile)
        runs = [smoke_ms(program, profile) for _ in range(3)]
        return {
            "first_start": round(cold, 1),
            "warm_median_of_3": round(statistics.median(r[0] for r in runs), 1),
            "first_start_wall": round(cold_wall, 1),
            "warm_wall_median_of_3": round(statistics.median(r[1] for r in runs), 1),
        }

    report.frozen_ready_ms = figures(app)
    if SOURCE_ATRIUM.is_file():
        report.source_ready_ms = figures(SOURCE_ATRIUM)


def check_all_panes(report: Report, app: Path, data_dir: str) -> None:
    line = json_line(run_app(app, "--smoke", "--all-panes", "--data-dir", data_dir))
    panes = line.get("panes")
    if not isinstance(panes, dict) or not panes:
        raise CheckError(f"--smoke --all-panes opened no pane: {line}")
    report.frozen_panes_ms = panes
    if SOURCE_ATRIUM.is_file():
        source = json_line(
            run_app(SOURCE_ATRIUM, "--smoke", "--all-panes", "--data-dir", data_dir + "-source")
        )
        missing = set(source.get("panes", {})) - set(panes)
        if missing:
            raise CheckError(f"the frozen app did not open: {', '.join(sorted(missing))}")


def check_tasks(app: Path, data_dir: str) -> None:
    added = json_document(
        run_app(app, "--data-dir", data_dir, "task", "add", DATEPARSER_PHRASE, "--json")
    )
    if added.get("title") != "Pay rent" or not added.get("due"):
        raise CheckError(f"dateparser did not read {DATEPARSER_PHRASE!r}: {added}")
    listed = json_document(run_app(app, "--data-dir", data_dir, "task", "list", "--json"))
    if [task.get("id") for task in listed] != [added["id"]]:
        raise CheckError(f"task list --json shows {listed}, expected the task {added['id']}")


def check_tzdata(app: Path, data_dir: str) -> None:
    """Time zones come from the bundled tzdata when the system has none (PYTHONTZPATH empty)."""
    env = app_env(PYTHONTZPATH="")
    run_app(app, "--data-dir", data_dir, "profile", "set", "--time-zone", "Asia/Kolkata", env=env)
    added = json_document(
        run_app(
            app, "--data-dir", data_dir, "task", "add", "Call Ravi tomorrow at 9", "--json", env=env
        )
    )
    if not str(added.get("due", "")).endswith("+05:30"):
        raise CheckError(f"the due time is not in Asia/Kolkata (+05:30): {added.get('due')}")


def check_ical(app: Path, data_dir: str, target: Path) -> None:
    run_app(app, "--data-dir", data_dir, "task", "add", "Water the plants", "--literal")
    run_app(app, "--data-dir", data_dir, "task", "export", "-o", str(target))
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    if "BEGIN:VCALENDAR" not in text or "SUMMARY:Water the plants" not in text:
        raise CheckError(f"task export wrote no VTODO: {text[:200]!r}")


def check_doctor(app: Path, data_dir: str) -> None:
    run_app(app, "--data-dir", data_dir, "task", "list")  # creates and migrates the profile
    found = json_document(run_app(app, "--data-dir", data_dir, "doctor", "--json"))
    if found.get("problems") or found.get("schema_revision") != found.get("schema_head"):
        raise CheckError(
            f"doctor: problems {found.get('problems')}, schema "
            f"{found.get('schema_revision')} (head {found.get('schema_head')})"
        )


def check_desktop(app: Path, data_dir: str, scratch: Path) -> None:
    prefix = scratch / "desktop-prefix"
    run_app(app, "--data-dir", data_dir, "desktop", "install", "--prefix", str(prefix))
    entries = list(prefix.rglob("*.desktop"))
    if not entries:
        raise CheckError(f"desktop install wrote no .desktop entry under {prefix}")
    if str(app.resolve()) not in entries[0].read_text(encoding="utf-8"):
        raise CheckError(f"{entries[0].name} does not start the frozen {app}")


# --- Summary -------------------------------------------------------------------------------------


def print_summary(report: Report) -> None:
    kind = "one file" if report.onefile else "one folder"
    print(f"package: {report.executable} ({kind})")
    if report.build_seconds is not None:
        print(f"package: build time      {report.build_seconds} s")
    print(f"package: bundle size     {report.size_mb} MB (limit {report.max_mb} MB)")
    for label, figures in (("frozen", report.frozen_ready_ms), ("source", report.source_ready_ms)):
        if figures:
            shown = ", ".join(f"{name} {value} ms" for name, value in figures.items())
            print(f"package: ready_ms {label:7} {shown}")
    if report.failures:
        for name, why in report.failures.items():
            print(f"package: FAILED {name}: {why}", file=sys.stderr)
        print(f"package: {len(report.failures)} of {len(report.checks)} checks failed")
    else:
        print(f"package: all {len(report.checks)} checks passed; report in {REPORT}")


if __name__ == "__main__":
    sys.exit(main())
