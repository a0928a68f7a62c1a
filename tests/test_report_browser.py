"""The HTML report in a real browser: headless Chromium renders it, screenshots it,
and the DOM it reads back holds every discrepancy with its highlighted words."""
from __future__ import annotations

import html
import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.outputs import report, review

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


# The page inside an iframe of the given width (headless Chromium lays a window out no narrower
# than 500 px, an iframe at any width); a script of the test's own, outside the page (whose
# Content-Security-Policy forbids scripts), measures the layout and writes it into the DOM.
_PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="border:0;width:%dpx;height:3000px" srcdoc="%s"></iframe><pre id="probe"></pre>
<script>
window.addEventListener('load', () => {
  const w = document.getElementById('f').contentWindow, d = w.document, out = {};
  out.inner = w.innerWidth; out.scroll = d.documentElement.scrollWidth;
  out.body = parseFloat(w.getComputedStyle(d.body).fontSize);
  out.charts = [...d.querySelectorAll('figure.chart svg')].map(svg => {
    const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    const bars = [...svg.querySelectorAll('rect')].map((rect, n) => ({
      px: rect.getBoundingClientRect().width, count: Number(texts[2 * n + 1].textContent)}));
    return {scale: svg.dataset.scale, bars,
            font: Math.max(...texts.map(t => parseFloat(t.getAttribute('font-size')) * k))};
  });
  const wrap = d.querySelector('#sources .wrap');
  out.sources = {client: wrap.clientWidth, scroll: wrap.scrollWidth, overflow: w.getComputedStyle(wrap).overflowX};
  document.getElementById('probe').textContent = JSON.stringify(out);
});
</script></body></html>"""


def _layout(binary: str, page: Path, tmp_path: Path, width: int) -> dict:
    harness = tmp_path / f"probe-{width}.html"
    harness.write_text(_PROBE % (width, html.escape(page.read_text(encoding="utf-8"), quote=True)), encoding="utf-8")
    dom = _chromium(binary, tmp_path / "profile", "--virtual-time-budget=5000", "--window-size=1400,3200",
                    "--dump-dom", harness.as_uri()).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[-2000:]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("width", [390, 1200])
def test_one_chart_scale_small_labels_and_a_sources_table_that_fits(chromium: str, page: tuple[Path, dict],
                                                                    tmp_path: Path, width: int) -> None:
    path, model = page
    layout = _layout(chromium, path, tmp_path, width)
    assert layout["inner"] == width
    assert layout["scroll"] <= width                           # the page never scrolls sideways
    # the sources table fits (on a phone each source is a block of label/value lines),
    # and were it ever wider it would scroll inside its own box
    assert layout["sources"]["scroll"] <= layout["sources"]["client"]
    assert layout["sources"]["overflow"] == "auto"
    charts = layout["charts"]
    assert len(charts) == len(model["sources"]) >= 2
    assert {c["scale"] for c in charts} == {str(max(s[k] for s in model["sources"]
                                                    for k in ("conflicting", "agreeing", "single_source")))}
    per_claim = [bar["px"] / bar["count"] for c in charts for bar in c["bars"] if bar["count"]]
    assert max(per_claim) - min(per_claim) < 0.05, per_claim     # one scale: equal counts, equal bars
    assert all(c["font"] <= layout["body"] for c in charts)      # labels no larger than the body text
