#!/usr/bin/env python3
"""Builds the test fixtures once per test run, with real tools and libraries
(python-docx, openpyxl, reportlab, zip, tar, 7z ...), into the folder given.

Each area has its own generator in corpus/fixtures/*.py exposing
`build(out_dir)`; this runner calls them all. All personal data in fixtures is
synthetic (checksum-valid, invented) or taken from the public seed statements.
"""
import importlib.util
import pathlib
import shutil
import sys


def main() -> int:
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures")
    # Start empty every time: ctest runs this before each test run, and the
    # generators' tools (zip, pdfattach) refuse or append to existing files.
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    here = pathlib.Path(__file__).resolve().parent / "fixtures"
    sys.path.insert(0, str(here))  # generators may share constants (odf_documents uses documents')
    failed = []
    for script in sorted(here.glob("*.py")):
        spec = importlib.util.spec_from_file_location(script.stem, script)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            module.build(out)
        except Exception as e:  # report every broken generator, then fail
            failed.append(f"{script.name}: {e!r}")
    for f in failed:
        print("make_fixtures:", f, file=sys.stderr)
    print(f"make_fixtures: {len(list(out.rglob('*')))} files in {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
