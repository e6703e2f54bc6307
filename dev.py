#!/usr/bin/env python3
"""Bootstrap for developers and CI. Standard library only: runs with the system python3 >= 3.11.

    python3 dev.py run [--port 8000] [--no-worker] [--no-reload]
                                        .venv, migrate, demo data, worker + web server
    python3 dev.py test [pytest args]   .venv, migration/ruff/translation checks, pytest
    python3 dev.py lint | format | migrate
    python3 dev.py bench [NAME ...] [--cepat] [--jumlah N]
                                        benchmarks/bench_*.py (all, or bench_NAME.py)
    python3 dev.py messages [--compile-only]
                                        makemessages -l id (if xgettext), .po -> .mo with Babel
    python3 dev.py manage <args>        any manage.py command with the project's .venv

The virtualenv lives in .venv beside this file. Dependencies are (re)installed only when
pyproject.toml or constraints.txt changed since the last successful install: a hash of both
is kept in a stamp file inside .venv.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".kki-deps.sha256"
DEPENDENCY_FILES = ("pyproject.toml", "constraints.txt")

DEMO_PASSWORD = "demo12345"
DEMO_USERS = [
    ("panitera", "panitera: registrar staff"),
    ("pp", "panitera pengganti: substitute registrar"),
    ("ketua", "ketua: chair of KIP Kalimantan Timur"),
    ("komisioner1..komisioner5", "komisioner: commissioners"),
    ("pemohon", "pemohon: an applicant (portal /akun/masuk/: pemohon@warga.example)"),
    ("termohon", "termohon: PPID of the Kaltim provincial government (ppid@kaltimprov.example)"),
    ("admin", "administrator: system administrator of KIP-KALTIM and KI-PUSAT"),
]

# Compiles (or, with --check, verifies) every locale/*/LC_MESSAGES/*.po with Babel, so GNU
# gettext is never needed. It runs inside the venv's python, where Babel is installed.
BABEL_SCRIPT = r"""
import io, sys
from pathlib import Path
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

def key(value):
    # Plural entries carry lists (singular, plural / one string per form).
    return tuple(value) if isinstance(value, (list, tuple)) else value

def messages(catalog):
    return {(m.context, key(m.id)): key(m.string) for m in catalog if m.id}

check = "--check" in sys.argv
problems = 0
files = sorted(Path("locale").glob("*/LC_MESSAGES/*.po"))
for po in files:
    mo = po.with_suffix(".mo")
    try:
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name, abort_invalid=True)
    except Exception as exc:
        print(f"  {po}: cannot be read: {exc}")
        problems += 1
        continue
    errors = [(m.id, e) for m, errs in catalog.check() for e in errs]
    for msgid, error in errors:
        print(f"  {po}: {msgid!r}: {error}")
    if errors:
        print(f"  {mo}: not compiled, fix {po} first")
        problems += len(errors)
        continue
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    fresh = buffer.getvalue()
    untranslated = sum(1 for m in catalog if m.id and not m.string)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    note = f" ({untranslated} untranslated, {fuzzy} fuzzy)" if untranslated or fuzzy else ""
    if check:
        if not mo.exists():
            print(f"  {mo}: missing, run: python3 dev.py messages")
            problems += 1
        elif messages(read_mo(io.BytesIO(mo.read_bytes()))) != messages(read_mo(io.BytesIO(fresh))):
            print(f"  {mo}: out of date with {po.name}, run: python3 dev.py messages")
            problems += 1
        else:
            print(f"  {mo}: up to date{note}")
    elif not mo.exists() or mo.read_bytes() != fresh:
        mo.write_bytes(fresh)
        print(f"  {mo}: compiled{note}")
    else:
        print(f"  {mo}: unchanged{note}")
if not files:
    print("  no locale/*/LC_MESSAGES/*.po files")
sys.exit(1 if problems else 0)
"""


class Gagal(Exception):
    """A step failed: the message is printed and dev.py exits non-zero."""


# ---------------------------------------------------------------------------------------------
# output helpers


def say(message: str) -> None:
    print(f"\033[1m==> {message}\033[0m" if sys.stdout.isatty() else f"==> {message}", flush=True)


def warn(message: str) -> None:
    print(f"PERINGATAN / WARNING: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# virtualenv


def venv_env() -> dict[str, str]:
    """The environment for commands run in the venv, as if it were activated."""
    env = os.environ.copy()
    env.pop("PYTHONHOME", None)
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def call(args: list[str | Path], *, check: bool = True, **kwargs) -> int:
    """Run a command from the project root; a failure raises Gagal unless check is False."""
    args = [str(a) for a in args]
    kwargs.setdefault("env", venv_env())
    try:
        code = subprocess.call(args, cwd=ROOT, **kwargs)
    except FileNotFoundError as exc:
        raise Gagal(f"program tidak ditemukan / not found: {args[0]} ({exc})") from exc
    if check and code != 0:
        raise Gagal(f"perintah gagal / command failed (exit {code}): {' '.join(args)}")
    return code


def manage(*args: str, check: bool = True) -> int:
    return call([PY, "manage.py", *args], check=check)


def dependency_hash() -> str:
    digest = hashlib.sha256()
    for name in DEPENDENCY_FILES:
        path = ROOT / name
        if not path.exists():
            raise Gagal(f"{name} tidak ada / is missing in {ROOT}")
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@contextlib.contextmanager
def venv_lock():
    """Two dev.py at once (run in one terminal, test in another) must not pip install together."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the race is unlikely enough
        yield
        return
    VENV.mkdir(exist_ok=True)
    with (VENV / ".kki-lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_venv() -> None:
    """Create .venv if missing and install the dependencies if they changed since last time."""
    with venv_lock():
        if not PY.exists():
            say(f"membuat virtualenv / creating virtualenv in {VENV}")
            code = call([sys.executable, "-m", "venv", VENV], check=False, env=os.environ.copy())
            if code != 0 or not PY.exists():
                raise Gagal(
                    "python -m venv gagal / failed. On Debian/Ubuntu install the venv module: "
                    "apt-get install python3-venv (then delete .venv and retry)"
                )
        if call([PY, "-c", "import sys"], check=False) != 0:
            raise Gagal(f"{PY} tidak jalan / does not run: delete {VENV} and retry")
        wanted = dependency_hash()
        installed = STAMP.read_text().strip() if STAMP.exists() else ""
        if installed == wanted:
            return
        if not installed:
            # First install into this venv: an old pip (Debian's bundled one) may not
            # understand the constraints or the build backend.
            say("memperbarui pip / upgrading pip")
            call([PY, "-m", "pip", "install", "--upgrade", "pip"])
        say("memasang dependensi / installing dependencies (pyproject.toml, constraints.txt)")
        try:
            call([PY, "-m", "pip", "install", "-c", "constraints.txt", ".[dev]"])
        except Gagal as exc:
            raise Gagal(f"{exc}\n  pip install gagal; periksa jaringan / check network") from exc
        STAMP.write_text(wanted + "\n")


# ---------------------------------------------------------------------------------------------
# environment report


def database_description() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return "SQLite (default: var/db.sqlite3; DATABASE_URL not set)"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        where = (
            f"{parts.hostname or 'localhost'}{f':{parts.port}' if parts.port else ''}{parts.path}"
        )
    except ValueError:  # a port that is not a number: Django will say more
        where = "?"
    if scheme.startswith("postgres") or scheme == "pgsql":
        user = f"{parts.username}@" if parts.username else ""
        return f"PostgreSQL ({user}{where}, from DATABASE_URL)"
    if scheme.startswith("sqlite"):
        return f"SQLite ({parts.path[1:] or ':memory:'}, from DATABASE_URL)"
    return f"{scheme} (from DATABASE_URL)"


def redis_description() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        return "REDIS_URL not set: worker uses the ORM broker; Redis-only tests are skipped"
    try:
        parts = urlsplit(url)
        return f"REDIS_URL set ({parts.hostname}:{parts.port or 6379}{parts.path})"
    except ValueError:
        return "REDIS_URL set (unparsable)"


def report_environment() -> None:
    say(f"database: {database_description()}")
    say(f"redis: {redis_description()}")


# ---------------------------------------------------------------------------------------------
# checks shared by test and lint


def check_migrations() -> bool:
    say("memeriksa migrasi / checking for missing migrations")
    if manage("makemigrations", "--check", "--dry-run", check=False) != 0:
        warn(
            "ada perubahan model tanpa migrasi / models changed without a migration: "
            "run python3 dev.py manage makemigrations"
        )
        return False
    return True


def check_ruff(*, format_too: bool = False) -> bool:
    ok = True
    say("ruff check")
    if call([BIN / "ruff", "check", "."], check=False) != 0:
        warn("ruff check menemukan masalah / found problems (python3 dev.py format fixes some)")
        ok = False
    if format_too:
        say("ruff format --check")
        if call([BIN / "ruff", "format", "--check", "."], check=False) != 0:
            warn("format kode tidak sesuai / code not formatted: run python3 dev.py format")
            ok = False
    return ok


def check_translations() -> bool:
    say("memeriksa terjemahan / checking that the compiled .mo files match the .po files")
    if call([PY, "-c", BABEL_SCRIPT, "--check"], check=False) != 0:
        warn(
            "katalog terjemahan bermasalah / translation catalogues have problems: "
            "run python3 dev.py messages"
        )
        return False
    return True


def has_tests() -> bool:
    tests = ROOT / "tests"
    return tests.is_dir() and any(
        p for pattern in ("test_*.py", "*_test.py") for p in tests.rglob(pattern)
    )


# ---------------------------------------------------------------------------------------------
# commands


def cmd_test(args: argparse.Namespace) -> int:
    ensure_venv()
    report_environment()
    failed = [
        name
        for name, ok in (
            ("makemigrations --check", check_migrations()),
            ("ruff check", check_ruff()),
            ("translations", check_translations()),
        )
        if not ok
    ]
    say("pytest " + " ".join(args.pytest_args))
    code = call([PY, "-m", "pytest", *args.pytest_args], check=False)
    if code == 5:
        # pytest: no tests collected. Fine for a tree without tests; a filter that matched
        # nothing, or tests that vanished, is a failure.
        if not args.pytest_args and not has_tests():
            warn("belum ada tes / there are no tests yet (pytest exit 5 treated as success)")
            code = 0
        else:
            warn("pytest tidak menjalankan tes apa pun / pytest collected no tests")
    if failed:
        warn("pemeriksaan gagal / checks failed: " + ", ".join(failed))
        return code or 1
    if code != 0:
        warn(f"pytest gagal / failed (exit {code})")
    return code


def cmd_lint(args: argparse.Namespace) -> int:
    ensure_venv()
    return 0 if check_ruff(format_too=True) else 1


def cmd_format(args: argparse.Namespace) -> int:
    ensure_venv()
    say("ruff check --select I --fix (import order), ruff format")
    call([BIN / "ruff", "check", "--select", "I", "--fix", "."])
    call([BIN / "ruff", "format", "."])
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    ensure_venv()
    if shutil.which("xgettext") and not args.compile_only:
        say("makemessages -l id (GNU gettext found)")
        manage("makemessages", "-l", "id", "--no-obsolete")
    elif not args.compile_only:
        warn(
            "GNU gettext (xgettext) tidak terpasang / not installed: the .po files are not "
            "refreshed from the code, only compiled (apt-get install gettext to refresh)"
        )
    say("mengompilasi / compiling .po -> .mo with Babel")
    return call([PY, "-c", BABEL_SCRIPT], check=False)


def cmd_bench(args: argparse.Namespace) -> int:
    ensure_venv()
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if args.names:
        # `dev.py bench halaman transisi` runs bench_halaman.py and bench_transisi.py only.
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.names]
    if not scripts:
        say("tidak ada / no benchmarks/bench_*.py")
        return 0
    # The scale benchmarks read their size from the environment (benchmarks/README.md).
    env = venv_env()
    if args.cepat:
        env["BENCH_CEPAT"] = "1"
    if args.jumlah:
        env["BENCH_JUMLAH"] = str(args.jumlah)
    failed = []
    for script in scripts:
        say(f"{script.relative_to(ROOT)}")
        if call([PY, script.relative_to(ROOT)], check=False, env=env) != 0:
            failed.append(script.name)
    if failed:
        warn("benchmark gagal / failed: " + ", ".join(failed))
        return 1
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    ensure_venv()
    report_environment()
    manage("migrate", "--noinput")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    ensure_venv()
    return manage(*args.manage_args, check=False)


# --- run --------------------------------------------------------------------------------------


# Signals received while the children run. The handler only records them: raising from it
# could land between starting a child and keeping its Popen, and leave that child behind.
SIGNALS: list[int] = []
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def on_signal(signum, frame):
    SIGNALS.append(signum)
    if len(SIGNALS) == 1:
        print("\n==> berhenti / stopping (Ctrl+C lagi / again: kill at once)", flush=True)


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def spawn(args: list[str]) -> subprocess.Popen:
    # Each child gets its own session so that Ctrl+C in the terminal reaches only dev.py,
    # which then stops the children in order: the q cluster wants SIGTERM on its master
    # only (it stops its own workers), not a SIGINT delivered to every worker at once.
    return subprocess.Popen(
        [str(PY), "manage.py", *args], cwd=ROOT, env=venv_env(), start_new_session=True
    )


def stop(children: list[tuple[subprocess.Popen, int, bool]], *, wait: float) -> None:
    """Signal every child (pid only, or its whole group), then wait; kill what is left."""
    for proc, sig, group in children:
        with contextlib.suppress(ProcessLookupError):
            (os.killpg if group else os.kill)(proc.pid, sig)
    deadline = time.monotonic() + wait
    while any(proc.poll() is None for proc, _, _ in children):
        if len(SIGNALS) > 1 or time.monotonic() > deadline:
            warn("proses tidak berhenti / processes did not stop: killing them")
            break
        time.sleep(0.2)
    for proc, _, _ in children:
        with contextlib.suppress(ProcessLookupError):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def print_banner(port: int, worker: bool) -> None:
    url = f"http://127.0.0.1:{port}/"
    width = max(len(u) for u, _ in DEMO_USERS)
    lines = [
        "",
        f"  Kepaniteraan KI siap / ready: {url}   (admin: {url}admin/)",
        f"  worker (django-q2 qcluster): {'jalan / running' if worker else 'tidak / off'}",
        "",
        f"  Pengguna demo / demo logins (kata sandi / password: {DEMO_PASSWORD})",
        f"  {'username'.ljust(width)}  peran / role",
        f"  {'-' * width}  {'-' * 60}",
        *(f"  {user.ljust(width)}  {role}" for user, role in DEMO_USERS),
        "",
        "  Ctrl+C menghentikan server dan worker / stops the server and the worker.",
        "",
    ]
    print("\n".join(lines), flush=True)


def load_demo() -> None:
    say("manage.py muat_demo (data referensi + demo)")
    manage("muat_demo")
    say("manage.py pasang_jadwal (sapuan harian per komisi)")
    manage("pasang_jadwal")


def cmd_run(args: argparse.Namespace) -> int:
    if not port_free(args.port):
        raise Gagal(f"port {args.port} sudah dipakai / is already in use: try --port 8001")
    ensure_venv()
    report_environment()
    say("manage.py migrate")
    manage("migrate", "--noinput")
    load_demo()

    for sig in STOP_SIGNALS:
        signal.signal(sig, on_signal)
    worker = server = None
    try:
        if args.worker:
            say("manage.py qcluster (worker)")
            worker = spawn(["qcluster"])
        say(f"manage.py runserver 127.0.0.1:{args.port}")
        runserver = ["runserver", f"127.0.0.1:{args.port}"]
        server = spawn(runserver if args.reload else [*runserver, "--noreload"])
        code = supervise(server, worker, args.port)
    finally:
        # SIGTERM to the cluster's master only: it lets the running tasks finish and stops its
        # own workers. The web server (with its autoreloader child) gets SIGINT as a group.
        children = [(worker, signal.SIGTERM, False), (server, signal.SIGINT, True)]
        stop([c for c in children if c[0] is not None], wait=60)
    say("server dan worker berhenti / the server and the worker have stopped")
    return code


def supervise(server: subprocess.Popen, worker: subprocess.Popen | None, port: int) -> int:
    """Wait for the server to answer, print the banner, then watch both children.

    Returns 0 when asked to stop by a signal, non-zero when a child died on its own.
    """
    ready = False
    deadline = time.monotonic() + 120
    while not SIGNALS:
        if server.poll() is not None:
            warn(f"runserver berhenti / exited (exit {server.returncode})")
            return max(server.returncode, 1)
        if worker is not None and worker.poll() is not None:
            warn(f"worker (qcluster) berhenti / exited (exit {worker.returncode}); stopping")
            return max(worker.returncode, 1)
        if not ready:
            if port_answers(port):
                ready = True
                print_banner(port, worker is not None)
            elif time.monotonic() > deadline:
                warn(f"runserver belum menjawab / does not answer on port {port} after 120 s")
                return 1
        time.sleep(0.2)
    return 0


# ---------------------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 dev.py",
        description="Kepaniteraan KI developer bootstrap: virtualenv, checks, tests, dev server.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="migrate, load demo data, start the worker and web server")
    run.add_argument("--port", type=int, default=8000, help="web server port (default 8000)")
    run.add_argument(
        "--no-worker", dest="worker", action="store_false", help="do not start the django-q2 worker"
    )
    run.add_argument(
        "--no-reload",
        dest="reload",
        action="store_false",
        help="do not restart the web server when code changes",
    )
    run.set_defaults(func=cmd_run)

    # test and manage pass everything after them through untouched (see main).
    sub.add_parser("test", help="checks (migrations, ruff, translations), then pytest [ARGS]")

    messages = sub.add_parser(
        "messages", help="refresh locale/id from the code (needs xgettext), compile .mo (Babel)"
    )
    messages.add_argument(
        "--compile-only",
        action="store_true",
        help="only compile the .po files, do not run makemessages",
    )
    messages.set_defaults(func=cmd_messages)

    for name, func, text in (
        ("lint", cmd_lint, "ruff check + ruff format --check"),
        ("format", cmd_format, "sort imports and format the code with ruff"),
        ("migrate", cmd_migrate, "manage.py migrate"),
    ):
        sub.add_parser(name, help=text).set_defaults(func=func)

    bench = sub.add_parser("bench", help="run every benchmarks/bench_*.py (or the ones named)")
    bench.add_argument("names", nargs="*", help="e.g. halaman transisi (bench_<name>.py)")
    bench.add_argument(
        "--cepat", action="store_true", help="small data sets: a quick smoke run (BENCH_CEPAT=1)"
    )
    bench.add_argument(
        "--jumlah", type=int, help="cases of the scale benchmarks (BENCH_JUMLAH; default 100000)"
    )
    bench.set_defaults(func=cmd_bench)

    sub.add_parser("manage", help="manage.py ARGS with the project's .venv")
    return p


def main(argv: list[str] | None = None) -> int:
    # The system python3 runs this file, not the venv's: it may be older than the project's.
    if sys.version_info < (3, 11):  # noqa: UP036
        print(f"GAGAL / FAILED: butuh / needs Python >= 3.11, not {sys.version.split()[0]}")
        return 1
    os.chdir(ROOT)
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "test":
        args = argparse.Namespace(func=cmd_test, pytest_args=argv[1:])
    elif argv and argv[0] == "manage":
        args = argparse.Namespace(func=cmd_manage, manage_args=argv[1:])
    else:
        args = parser().parse_args(argv)
    try:
        return args.func(args)
    except Gagal as exc:
        print(f"\nGAGAL / FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\ndibatalkan / interrupted", file=sys.stderr, flush=True)
        return 130


if __name__ == "__main__":
    sys.exit(main())
