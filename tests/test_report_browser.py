"""The HTML report in a real browser: headless Chromium renders it, screenshots it,
and the DOM it reads back holds every discrepancy with its highlighted words."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from factcheck import pipeline, report, review

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium not installed: apt-get install chromium")
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    result = pipeline.run([ROOT / "sources"])
    model = report.build(result.frame, result.sources, review.load(ROOT / "review.csv"))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(report.to_html(model), encoding="utf-8")
    return path, model


def _chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_dom_holds_every_discrepancy(chromium: str, page: tuple[Path, dict], tmp_path: Path) -> None:
    path, model = page
    dom = _chromium(chromium, tmp_path / "profile", "--dump-dom", path.as_uri()).stdout
    keys = re.findall(r'<article class="disc[^"]*" id="d-([0-9a-f]{12})"', dom)
    assert keys == [d["key"] for d in model["discrepancies"]] and keys
    assert dom.count("<mark>") == sum(len(c["highlights"]) for d in model["discrepancies"] for c in d["claims"])
    assert "<mark>on Sunday</mark>" in dom
    assert dom.count('class="badge confirmed"') == model["summary"]["decided"]
    assert "<script" not in dom
    order = [dom.index(f'id="{s}"') for s in ("sources", "discrepancies", "agreements", "single-source")]
    assert order == sorted(order)


@pytest.mark.parametrize("width, height", [(1200, 2000), (390, 2400)])
def test_screenshot_on_laptop_and_phone(chromium: str, page: tuple[Path, dict], tmp_path: Path,
                                        width: int, height: int) -> None:
    path, _ = page
    shot = tmp_path / "shot.png"
    _chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", f"--window-size={width},{height}", path.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000       # something was drawn, not a blank page
    assert _png_size(shot) == (width, height)


def test_prints_to_pdf(chromium: str, page: tuple[Path, dict], tmp_path: Path) -> None:
    path, _ = page
    pdf = tmp_path / "report.pdf"
    _chromium(chromium, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", path.as_uri())
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5_000
