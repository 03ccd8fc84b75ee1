"""Helpers shared by the benchmark scripts in tools/ (stdlib only)."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def build_release():
    """Builds the release binaries and returns their folder."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "aligncorpus"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release", "--product", "icu-wordbreak-bench"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return pathlib.Path(out)


def run_measured(command, stdout=subprocess.DEVNULL, stderr=None):
    """Runs a command; returns (wall seconds, peak RSS in bytes) of that command alone.

    The peak comes from /usr/bin/time when it is there: a child's ru_maxrss as this process
    sees it starts from this (Python) process's own peak, which it inherits at exec.
    """
    timer = shutil.which("time", path="/usr/bin")
    with tempfile.NamedTemporaryFile("r") as report:
        prefix = [timer, "-f", "%M", "-o", report.name] if timer else []
        start = time.perf_counter()
        proc = subprocess.Popen(prefix + command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"{command[0]} failed with status {status}")
        if timer:
            return seconds, int(report.read().split()[-1]) * 1024
    return seconds, usage.ru_maxrss * 1024


HAN = re.compile(r"[\u4e00-\u9fff]")


def source_texts():
    """Chinese and English paragraphs to build benchmark input from."""
    mac = SHARED / "eval" / "mac-dev"
    if mac.is_dir():
        zh, en = [], []
        for f in sorted(mac.glob("*.zh")):
            zh += [l for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
        for f in sorted(mac.glob("*.en")):
            en += [l for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
        # Paragraph-sized lines: five sentences each.
        zh = ["".join(zh[i:i + 5]) for i in range(0, len(zh), 5)]
        en = [" ".join(en[i:i + 5]) for i in range(0, len(en), 5)]
        return {"zh": zh, "en": en}, "../shared/eval/mac-dev sentences, five a line"
    zh, en = [], []
    for f in sorted((ROOT / "corpora").rglob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            (zh if HAN.search(line) else en).append(line)
    return {"zh": zh, "en": en}, "corpora/ paragraphs"
