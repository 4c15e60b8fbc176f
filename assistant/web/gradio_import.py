"""Import Gradio without its stub rewriting.

On every import, Gradio's component metaclass reads the source of each of its ~80 component
classes, parses it and rewrites the `.pyi` stub beside it: a tool for Gradio's own developers,
which took half of `import gradio` here (1.6 s of 3.3 s), on the way to the first answer
after a start. `skip_stub_rewrites` turns that step into a no-op before Gradio is imported.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

_MODULE = "gradio.component_meta"
_STEP = "create_or_modify_pyi"


def _no_stub(*args: object, **kwargs: object) -> None:
    """Gradio's stub rewriting, skipped."""


class _Loader(importlib.abc.Loader):
    """Gradio's own loader for the module, which then swaps the stub step for `_no_stub`."""

    def __init__(self, loader: importlib.abc.Loader):
        self.loader = loader

    def __getattr__(self, name: str) -> object:  # get_source, is_package, ...
        return getattr(self.loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        if hasattr(module, _STEP):  # a later Gradio without the step: nothing to skip
            setattr(module, _STEP, _no_stub)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds `gradio.component_meta` as the other finders do, loaded by `_Loader`."""

    def find_spec(self, name: str, path=None, target=None) -> importlib.machinery.ModuleSpec | None:
        if name != _MODULE:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader)
                return spec
        return None


def skip_stub_rewrites() -> None:
    """Make the next `import gradio` skip the stub rewriting (once; no effect when Gradio is
    imported already)."""
    if _MODULE not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
