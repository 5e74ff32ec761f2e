"""LibreOffice headless: legacy and open word-processor files (.doc, .rtf, .odt) saved as .docx.

Converting to .docx lets the Word reader read these returns whole (tables, form checkboxes,
run formatting) instead of a second reader per format. Each conversion runs `soffice
--headless --convert-to docx` in its own process group with a timeout: a file that makes
LibreOffice hang is killed and reported, never left to stall the batch. Each worker process
keeps one LibreOffice profile of its own (a first start builds it, ~3-5 s; later starts
reuse it), so parallel workers never share, or wait on, one profile's lock.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from questionnaire_returns.read.errors import ReadError

TIMEOUT = 120  # seconds per conversion; a normal return takes 2-10 s on a loaded 2-core machine
_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice",
               "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice")
_LOCK = threading.Lock()  # one conversion at a time per process: one profile, one instance
_PROFILE: dict[int, Path] = {}
MISSING = "LibreOffice is not installed on this machine (make sysdeps installs libreoffice-writer-nogui)"


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_docx(data: bytes, suffix: str, source_file: str, what: str) -> bytes:
    """The file's bytes converted to .docx; ReadError naming `what` (e.g. 'RTF document') and why
    when LibreOffice is missing, gives up, times out, or cannot load the file (a damaged file)."""
    program = soffice()
    if program is None:
        raise ReadError(source_file, f"the {what} could not be read: {MISSING}")
    with _LOCK, tempfile.TemporaryDirectory(prefix="returns-convert-") as work:
        src = Path(work) / f"return.{suffix}"
        src.write_bytes(data)
        out = Path(work) / "out"
        cmd = [program, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--invisible", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(out), str(src)]
        status, output = _run(cmd, source_file, what)
        result = out / "return.docx"
        if not result.is_file() or result.stat().st_size == 0:
            detail = _detail(output) or f"exit status {status}"
            raise ReadError(source_file, f"the {what} could not be read: LibreOffice could not open it, "
                                         f"it may be damaged ({detail})")
        return result.read_bytes()


def _run(cmd: list[str], source_file: str, what: str) -> tuple[int, str]:
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp"}  # no display, no desktop integration
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=env, start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill(proc)
        _forget_profile()  # a LibreOffice killed mid-start may leave its profile half written
        raise ReadError(source_file, f"the {what} could not be read: LibreOffice did not finish converting it "
                                     f"within {TIMEOUT} s") from None
    return proc.returncode, output.decode("utf-8", "replace")


def _kill(proc: subprocess.Popen) -> None:
    """The whole process group: soffice starts soffice.bin, which a plain kill would leave running."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()


def _detail(output: str) -> str:
    lines = [line.strip() for line in output.splitlines()
             if line.strip() and "javaldx" not in line and not line.startswith("convert ")]
    return "; ".join(lines)[:200]


def _profile() -> Path:
    """This process's LibreOffice profile folder (a forked worker gets its own)."""
    pid = os.getpid()
    if pid not in _PROFILE:
        path = Path(tempfile.mkdtemp(prefix=f"returns-lo-profile-{pid}-"))
        _PROFILE[pid] = path
        atexit.register(shutil.rmtree, path, True)
    return _PROFILE[pid]


def _forget_profile() -> None:
    path = _PROFILE.pop(os.getpid(), None)
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)
