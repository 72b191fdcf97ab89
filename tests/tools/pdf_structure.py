"""Prints what a screen reader finds in a PDF's structure tree, as JSON, read by pikepdf (QPDF):
the document's language and title settings, and every structure element by its standard tag
(role-mapped), with the alternative text of each figure. Used by tests/it/pdf_ua.rs.

Usage: python3 pdf_structure.py FILE.pdf
"""

import collections
import json
import sys

import pikepdf


def walk(element, role_map, tags, alts, depth=0):
    if depth > 200:
        raise SystemExit("structure tree deeper than 200 levels")
    if isinstance(element, pikepdf.Array):
        for item in element:
            walk(item, role_map, tags, alts, depth + 1)
        return
    if not isinstance(element, pikepdf.Dictionary):
        return  # a marked-content id: content, not structure
    tag = element.get("/S")
    if tag is not None:
        name = str(tag)
        for _ in range(10):
            mapped = role_map.get(name)
            if mapped is None or str(mapped) == name:
                break
            name = str(mapped)
        tags[name] += 1
        if name == "/Figure":
            alts.append(str(element.get("/Alt", "")))
    kids = element.get("/K")
    if kids is not None:
        walk(kids, role_map, tags, alts, depth + 1)


def main(path):
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        tree = root.get("/StructTreeRoot")
        role_map = {}
        if tree is not None and "/RoleMap" in tree:
            role_map = {str(k): v for k, v in tree.RoleMap.items()}
        tags, alts = collections.Counter(), []
        if tree is not None:
            walk(tree.get("/K"), role_map, tags, alts)
        viewer = root.get("/ViewerPreferences", {})
        print(json.dumps({
            "lang": str(root.get("/Lang", "")),
            "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
            "display_doc_title": bool(viewer.get("/DisplayDocTitle", False)),
            "tags": {k.lstrip("/"): v for k, v in sorted(tags.items())},
            "figure_alts": alts,
        }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
