#!/usr/bin/env python3
"""Prints what a screen reader (Orca) finds of Keuzekaart through AT-SPI: every node with its role,
name and states, and a summary (interactive nodes without a name, names used twice, live regions,
tables). Run by scripts/screen-reader-check.sh inside its own D-Bus session. With a second
argument "x,y" it then clicks there and prints what the app announces."""
import sys
import time

import pyatspi


def find_app(name, timeout=30):
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.time() + timeout
    while time.time() < end:
        for app in desktop:
            if app is not None and name.lower() in (app.name or "").lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0, out=None):
    if out is None:
        out = []
    try:
        role = node.getRoleName()
        name = node.name or ""
        states = node.getState()
        attrs = dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
        out.append((depth, role, name, states, attrs))
        for child in node:
            if child is not None:
                walk(child, depth + 1, out)
    except Exception as error:  # a node can go away while it is read
        out.append((depth, "error", str(error), None, {}))
    return out


def main():
    app = find_app(sys.argv[1] if len(sys.argv) > 1 else "keuzekaart")
    if app is None:
        print("geen app op de AT-SPI-bus gevonden")
        return 2
    # AccessKit fills the tree once a client asks; give it a moment.
    time.sleep(2)
    nodes = walk(app)
    interactive_roles = {"push button", "check box", "toggle button", "combo box", "text",
                         "entry", "menu item", "radio button", "link", "slider", "spin button"}
    names = {}
    unnamed = []
    tables = 0
    for depth, role, name, states, attrs in nodes:
        print("  " * depth + f"{role}: {name!r}" + (f" {attrs}" if attrs else ""))
        if role in interactive_roles:
            if not name.strip():
                unnamed.append(role)
            names[name] = names.get(name, 0) + 1
        if role in ("table", "table cell", "row header"):
            tables += 1
    twice = {n: c for n, c in names.items() if c > 1}
    print()
    print(f"knooppunten: {len(nodes)}")
    print(f"bedienbare knooppunten: {sum(names.values())}")
    print(f"zonder naam: {len(unnamed)} {unnamed}")
    print(f"naam meer dan eens: {twice}")
    print(f"tabel, cellen en rijkoppen: {tables}")
    if len(sys.argv) > 2:
        listen_for_announcements(sys.argv[2])
    return 0


def listen_for_announcements(click):
    """Clicks at "x,y" (a + on a card whose gemeente has no peppers left) and prints what the
    app announces: AccessKit turns a live region's new text into an AT-SPI announcement, which
    Orca speaks."""
    import subprocess
    from gi.repository import GLib

    heard = []

    def on_event(event):
        heard.append((event.type, event.any_data))

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    x, y = click.split(",")
    GLib.timeout_add(
        500,
        lambda: subprocess.run(["xdotool", "mousemove", x, y, "click", "1"]) and False,
    )
    GLib.timeout_add(4000, lambda: pyatspi.Registry.stop() or False)
    pyatspi.Registry.start()
    print(f"aangekondigd na een klik op {click}: {heard}")


if __name__ == "__main__":
    sys.exit(main())
