# Shared set-up of the binding's tests: the module from bindings/python, the library from UIM_ROUTER_LIB (an
# install made by Scripts/install-c-library: Tests/CInterface/run sets it) or else the clone's release build.
import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
if not os.environ.get("UIM_ROUTER_LIB"):
    os.environ["UIM_ROUTER_LIB"] = str(ROOT / ".build" / "release" / "libUIMRouterC.so")


def party_file(folder: pathlib.Path, code: str, regex: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{code}.yaml").write_text(
        f"format: 1\nparty:\n  code: {code}\n  name: Party {code}\n  protocol_party: true\n"
        f"patterns:\n  - id: {code}-X\n    regex: '{regex}'\n")


@pytest.fixture
def registries(tmp_path):
    """Folders a (X-codes are AA's, X9… also ZZ's), b (X-codes are BB's) and broken (a regex that does not compile)."""
    party_file(tmp_path / "a", "AA", "X[0-9]{4}")
    party_file(tmp_path / "a", "ZZ", "X9[0-9]{3}")
    party_file(tmp_path / "b", "BB", "X[0-9]{4}")
    party_file(tmp_path / "broken", "CC", "C([")
    return tmp_path
