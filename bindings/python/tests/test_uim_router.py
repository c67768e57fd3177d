# The Python binding (bindings/python/uim_router.py) on the bundled registry and on small registries of its own.
import ast
import datetime
import os
import pathlib
import re
import subprocess
import sys
import threading

import pytest

import uim_router
from conftest import ROOT
from uim_router import Router, UIMRouterError

DAY = "2026-06-01"
SAMPLE = "0108008232764457235WYDQ-R5W"   # an EU unit-level UIM of the bundled registry (Samples/seized-uims.txt)


def sample_uims():
    return (ROOT / "Samples" / "seized-uims.txt").read_bytes().split(b"\n")[:-1]


@pytest.fixture
def bundled():
    with Router() as router:
        yield router


def test_version_is_the_headers():
    header = (ROOT / "Sources" / "UIMRouterC" / "include" / "uim_router.h").read_text()
    assert uim_router.version() == re.search(r'UIM_ROUTER_VERSION_STRING "(.*)"', header).group(1)


def test_every_called_function_has_argtypes_and_restype_declared():
    # ctypes' defaults (int arguments, int result) cut 64-bit pointers: the README's old example crashed that way.
    source = (ROOT / "bindings" / "python" / "uim_router.py").read_text()
    called = set(re.findall(r"_lib\.(uim_router_\w+)\(", source)) | {"uim_router_version"}
    header = (ROOT / "Sources" / "UIMRouterC" / "include" / "uim_router.h").read_text()
    declared = set(re.findall(r"lib\.(uim_router_\w+)\.argtypes = ", source))
    assert declared == set(re.findall(r"\b(uim_router_\w+)\(", header))   # every function of the header
    assert called <= declared
    lib = uim_router._library()
    for name in sorted(declared):
        assert f"lib.{name}.argtypes = " in source and f"lib.{name}.restype = " in source, name
        assert getattr(lib, name).argtypes is not None, name


def test_bundled_registry_routes_and_decides(bundled):
    assert re.fullmatch(r"[0-9a-f]{64}", bundled.digest())
    result = bundled.route(SAMPLE, date=DAY)
    assert result["uim"] == SAMPLE and result["status"] == "routed" and result["party"] == "EU"
    assert result["matches"][0]["pattern"] == "EU-GS1-UNIT-GTIN-FIRST"
    assert bundled.decide(SAMPLE, DAY) == ("routed", "EU")
    assert bundled.decide("nothing like a UIM", DAY) == ("unrouted", None)


def test_decide_agrees_with_route_on_every_sample(bundled):
    uims = sample_uims()
    results = list(bundled.route_many(uims, date=DAY))
    assert len(results) == len(uims) == 3002
    statuses = {result["status"] for result in results}
    assert statuses == {"routed", "ambiguous", "unrouted", "invalid"}
    for uim, result in zip(uims, results):
        assert bundled.decide(uim, DAY) == (result["status"], result.get("party")), uim


def test_route_many_keeps_input_order_across_chunks_and_buffer_refills(bundled):
    uims = sample_uims()
    one_by_one = [bundled.route(uim, DAY) for uim in uims[:300]]
    bundled.chunk_size = 7
    bundled._local.buffer = uim_router.ctypes.create_string_buffer(64)   # smaller than any line: grows as needed
    assert list(bundled.route_many(iter(uims[:300]), date=DAY)) == one_by_one
    assert [result["uim"] for result in one_by_one[:3]] == [uim.decode() for uim in uims[:3]]
    assert list(bundled.route_many([], date=DAY)) == []


def test_uims_are_length_delimited_any_bytes(bundled):
    assert bundled.decide(b"X\x00", DAY) == ("invalid", None)
    result = bundled.route(SAMPLE.encode() + b"\x00", DAY)
    assert result["status"] == "invalid" and result["error"] == "control character"
    assert result["uim"] == SAMPLE + "\x00"
    assert bundled.route(b"\xff\xfe", DAY)["error"] == "not valid UTF-8"
    assert bundled.route("", DAY)["error"] == "empty"


def test_dates(bundled):
    assert bundled.decide(SAMPLE, datetime.date(2026, 6, 1)) == ("routed", "EU")
    assert bundled.decide(SAMPLE)[0] in {"routed", "unrouted"}   # today
    for bad in ["2026-02-30", "2026-6-1", "tomorrow"]:
        with pytest.raises(ValueError, match="date"):
            bundled.decide(SAMPLE, bad)
        with pytest.raises(ValueError, match="date"):
            bundled.route(SAMPLE, bad)


def test_reload_swaps_registries_and_a_failed_reload_keeps_the_old(registries):
    with Router(registries / "a") as router:
        assert router.decide("X1234", DAY) == ("routed", "AA")
        assert router.decide("X9123", DAY) == ("ambiguous", None)
        assert sorted(m["party"] for m in router.route("X9123", DAY)["matches"]) == ["AA", "ZZ"]
        digest_a = router.digest()
        assert router.reload(registries / "b") == router.digest() != digest_a
        assert router.decide("X1234", DAY) == ("routed", "BB")
        with pytest.raises(UIMRouterError) as failure:
            router.reload(registries / "broken")
        assert "CC.yaml" in failure.value.diagnostics and "error:" in failure.value.diagnostics
        assert router.decide("X1234", DAY) == ("routed", "BB")


def test_open_reports_diagnostics(registries):
    with pytest.raises(UIMRouterError) as failure:
        Router(registries / "broken")
    assert re.search(r"CC\.yaml:\d+:\d+: error:", failure.value.diagnostics)


def test_trusted_open_refuses_an_unsigned_folder_and_reports_why(registries):
    with Router(registries / "a") as router:
        assert router.release_version == 0   # opened without trust: no verified release
    with pytest.raises(UIMRouterError) as failure:
        Router(registries / "a", trust=[registries / "no-such.pub"])
    assert failure.value.diagnostics, "a refusal says why"
    with pytest.raises(ValueError):
        Router(None, trust=[registries / "no-such.pub"])


def test_trusted_open_serves_a_signed_release():
    # Tests/CInterface/run signs a release with the build's uim-router before hiding the toolchain and passes it here.
    folder, key = os.environ.get("UIM_ROUTER_SIGNED_REGISTRY"), os.environ.get("UIM_ROUTER_TRUSTED_KEY")
    if not folder or not key:
        pytest.skip("UIM_ROUTER_SIGNED_REGISTRY / UIM_ROUTER_TRUSTED_KEY not set (Tests/CInterface/run sets them)")
    with Router(folder, trust=[key]) as router:
        assert router.release_version == 1
        assert router.decide("X1234", DAY) == ("routed", "AA")
    with pytest.raises(UIMRouterError):
        Router(folder, trust=[key], threshold=2)   # one signature, two required


def test_close_and_context_manager():
    router = Router()
    with router:
        assert router.decide(SAMPLE, DAY) == ("routed", "EU")
    with pytest.raises(ValueError, match="closed"):
        router.decide(SAMPLE, DAY)
    with pytest.raises(ValueError, match="closed"):
        router.digest()
    router.close()   # twice: harmless


def test_threads_share_one_router(bundled):
    uims = sample_uims()[:500]
    expected = [bundled.decide(uim, DAY) for uim in uims]
    problems = []

    def work():
        if [bundled.decide(uim, DAY) for uim in uims] != expected:
            problems.append("decide")
        if [(r["status"], r.get("party")) for r in bundled.route_many(uims, date=DAY)] != expected:
            problems.append("route_many")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []


def test_readme_python_example_runs_as_written():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- python-ctypes-example -->", 1)[1].split("<!-- end python-ctypes-example -->", 1)[0]
    code = block.split("```python\n", 1)[1].rsplit("```", 1)[0]
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "bindings" / "python")})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert re.fullmatch(r"[0-9a-f]{64}", lines[0])
    assert lines[1] == "('routed', 'EU')" and lines[2] == "EU EU-GS1-UNIT-GTIN-FIRST"
    counts = ast.literal_eval(lines[3])   # the printed dict
    assert sum(counts.values()) == 3002
    assert "error:" in lines[4]
