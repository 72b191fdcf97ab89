#!/usr/bin/env python3
"""Lists the functions in src/ longer than a limit (80 lines by default) and fails if there are any.

A function is counted from the line of its `fn` to the line of its closing brace. Strings, raw
strings, character literals and comments are skipped, so a brace inside them does not count. A
function that is a table (one arm or entry per item, nothing to split) may say so above its `fn`
(among its doc comments and attributes) with a comment `// A table:` followed by what it lists; it
is then reported but allowed.
"""

import pathlib
import re
import sys

LIMIT = 80


def blank_out(text):
    """The text with strings, chars and comments replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif re.match(r'b?r#*"', text[i:i + 20]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'b?r(#*)"', text[i:])
            end = '"' + m.group(1)
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append(" " * m.end())
                i += m.end()
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    code = blank_out(text)
    for m in re.finditer(r"\bfn\s+(\w+)", code):
        start = m.start()
        # The body opens at the first `{` after the signature, unless a `;` ends it first.
        j = start
        while j < len(code) and code[j] not in "{;":
            j += 1
        if j >= len(code) or code[j] == ";":
            continue
        depth, k = 0, j
        while k < len(code):
            if code[k] == "{":
                depth += 1
            elif code[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        first = code.count("\n", 0, start)
        last = code.count("\n", 0, k)
        # The comments and attributes above the `fn` (doc comments included).
        table, up = False, first - 1
        while up >= 0 and lines[up].strip().startswith(("//", "#[")):
            table |= lines[up].strip().startswith("// A table:")
            up -= 1
        yield m.group(1), first + 1, last - first + 1, table


def main():
    args = sys.argv[1:]
    limit = int(args[0]) if args else LIMIT
    too_long, tables = [], []
    for path in sorted(pathlib.Path("src").rglob("*.rs")):
        for name, line, length, table in functions(path):
            if length <= limit:
                continue
            entry = f"{path}:{line} {name} ({length} lines)"
            (tables if table else too_long).append(entry)
    for entry in tables:
        print(f"table, allowed: {entry}")
    for entry in too_long:
        print(f"too long: {entry}")
    print(f"{len(too_long)} function(s) over {limit} lines in src/ ({len(tables)} table(s) allowed)")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
