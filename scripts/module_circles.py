#!/usr/bin/env python3
"""Finds import circles among the modules of each layer (src/core, src/ui, …) and fails on one.

A node is a module of the layer: `src/core/limits.rs`, or a folder module such as
`src/core/signoff/` together with its files. An edge a → b means a file of a names b, in a `use`
or in a path (`crate::core::b::…`, `super::b::…`). Code after `#[cfg(test)]` is left out: a test
may reach anywhere. The layers themselves (core ← storage ← ui) are checked the same way, one
level up, so the core never names the ui.
"""

import pathlib
import re
import sys

SRC = pathlib.Path("src")


def code_of(path):
    text = path.read_text(encoding="utf-8")
    cut = text.find("#[cfg(test)]")
    if cut >= 0:
        text = text[:cut]
    # Comments and doc comments name modules without importing them.
    return re.sub(r"//[^\n]*", "", text)


def module_of(path):
    """The module path of a file: src/ui/app/chrome.rs -> ['ui', 'app', 'chrome']."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    if parts in (["lib"], ["main"]):
        return []
    return parts


def references(path):
    """Every module path a file names, resolved to crate-absolute parts."""
    own = module_of(path)
    code = code_of(path)
    found = []
    # `use a::{b, c::d}` groups are flattened to their prefixes; a path prefix is enough here.
    for m in re.finditer(r"\b(crate|super|self)((?:::\w+)+)", code):
        head, rest = m.group(1), m.group(2).split("::")[1:]
        if head == "crate":
            found.append(rest)
        elif head == "self":
            found.append(own + rest)
        else:
            base = own[:-1]
            while rest and rest[0] == "super":
                base, rest = base[:-1], rest[1:]
            found.append(base + rest)
    for m in re.finditer(r"\b(crate|super)::\{([^}]*)\}", code):
        head = m.group(1)
        base = [] if head == "crate" else own[:-1]
        for item in m.group(2).split(","):
            item = item.strip().split("::")[0]
            if item and item != "self":
                found.append(base + [item])
    return found


def re_exports(files):
    """Names a module re-exports (`pub use card::{Card, Offer}` in core/mod.rs, `pub use
    super::choice::Choice` in workbook.rs): (module path, name) -> the module that holds it, so
    `crate::core::Card` counts as core::card and `workbook::Choice` as core::choice."""
    found = {}
    for f in files:
        own = module_of(f)
        code = code_of(f)
        for m in re.finditer(r"pub use ((?:\w+::)+)(\{[^}]*\}|\w+)", code):
            path = m.group(1).rstrip(":").split("::")
            if path[0] == "crate":
                target = path[1:]
            elif path[0] == "super":
                base = own[:-1]
                path = path[1:]
                while path and path[0] == "super":
                    base, path = base[:-1], path[1:]
                target = base + path
            elif path[0] == "self":
                target = own + path[1:]
            else:
                target = own + path
            for name in m.group(2).strip("{}").split(","):
                name = name.strip().split(" as ")[-1].strip()
                if name:
                    found[(tuple(own), name)] = tuple(target)
    return found


def resolve(ref, exports):
    """A path with re-exported names replaced by the module that defines them."""
    ref = tuple(ref)
    for _ in range(8):  # a re-export of a re-export, a few deep at most
        for cut in range(len(ref), 0, -1):
            target = exports.get((ref[: cut - 1], ref[cut - 1]))
            if target is not None:
                ref = target + ref[cut:]
                break
        else:
            break
    return list(ref)


def node(parts, depth):
    return tuple(parts[:depth]) if len(parts) >= depth else None


def circles(edges):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def main():
    files = sorted(SRC.rglob("*.rs"))
    modules = {tuple(module_of(f)) for f in files}
    layers = sorted({m[0] for m in modules if len(m) >= 2})
    exports = re_exports(files)
    verbose = "--edges" in sys.argv
    failed = False
    checks = [("layers", 1, None)] + [(f"src/{layer}", 2, layer) for layer in layers]
    for name, depth, layer in checks:
        edges = {}
        for f in files:
            own = module_of(f)
            if layer is not None and (not own or own[0] != layer):
                continue
            a = node(own, depth)
            if a is None:
                continue
            for ref in references(f):
                b = node(resolve(ref, exports), depth)
                if b is None or b == a or (layer is not None and b[0] != layer):
                    continue
                if b not in {node(list(m), depth) for m in modules}:
                    continue
                if verbose and b not in edges.get(a, set()):
                    print(f"  {f}: {'::'.join(a)} -> {'::'.join(b)}")
                edges.setdefault(a, set()).add(b)
        found = circles(edges)
        for group in found:
            failed = True
            print(f"circle in {name}: " + " ↔ ".join("::".join(g) for g in group))
        if not found:
            print(f"{name}: no circle ({len(edges)} modules with imports)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
