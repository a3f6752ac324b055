#!/usr/bin/python3
"""Asks a window to close the way a window manager does when its close button is clicked.

Under Xvfb there is no window manager, so no close button: this sends the window the
WM_DELETE_WINDOW client message (ICCCM 4.2.8.1) a window manager would send. The window is the
top-level one of process --pid (its _NET_WM_PID) titled --title that takes part in the
WM_DELETE_WINDOW protocol. Waits up to --wait seconds for it to be there.

Exit status: 0 sent, 2 no such window (its candidates are listed on stderr), 1 anything else.
Needs python3-xlib (scripts/install-deps --test); DISPLAY says which X server.

  close-window.py --pid 1234 --title Communiqué [--wait 10]
"""

import argparse
import sys
import time

from Xlib import X, display, error
from Xlib.protocol import event


def prop(d, w, name, kind):
    try:
        p = w.get_full_property(d.intern_atom(name), kind)
    except error.XError:
        return None
    return p.value if p else None


def title_of(d, w):
    t = prop(d, w, "_NET_WM_NAME", d.intern_atom("UTF8_STRING"))
    if t is None:
        t = prop(d, w, "WM_NAME", X.AnyPropertyType)
    if isinstance(t, bytes):
        t = t.decode("utf-8", "replace")
    return t


def windows(d, w):
    try:
        children = w.query_tree().children
    except error.XError:
        return
    for c in children:
        yield c
        yield from windows(d, c)


def candidates(d, pid, title):
    delete = d.intern_atom("WM_DELETE_WINDOW")
    seen = []
    for w in windows(d, d.screen().root):
        protocols = prop(d, w, "WM_PROTOCOLS", X.AnyPropertyType)
        if protocols is None or delete not in protocols:
            continue
        pids = prop(d, w, "_NET_WM_PID", X.AnyPropertyType)
        wpid = int(pids[0]) if pids is not None and len(pids) else None
        name = title_of(d, w)
        try:
            viewable = w.get_attributes().map_state == X.IsViewable
        except error.XError:
            continue
        seen.append((w, wpid, name, viewable))
    chosen = [
        w
        for (w, wpid, name, viewable) in seen
        if viewable and (pid is None or wpid == pid) and (title is None or name == title)
    ]
    return chosen, seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pid", type=int)
    ap.add_argument("--title")
    ap.add_argument("--wait", type=float, default=10.0)
    args = ap.parse_args()
    if args.pid is None and args.title is None:
        ap.error("--pid or --title (or both) say which window")

    d = display.Display()
    deadline = time.monotonic() + args.wait
    while True:
        chosen, seen = candidates(d, args.pid, args.title)
        if chosen or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if len(chosen) != 1:
        print(
            f"close-window: {len(chosen)} windows of pid {args.pid} titled {args.title!r}; "
            f"windows taking WM_DELETE_WINDOW: {[(hex(w.id), p, n, v) for (w, p, n, v) in seen]}",
            file=sys.stderr,
        )
        return 2
    w = chosen[0]
    msg = event.ClientMessage(
        window=w,
        client_type=d.intern_atom("WM_PROTOCOLS"),
        data=(32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]),
    )
    w.send_event(msg, event_mask=X.NoEventMask)
    d.sync()
    print(f"close-window: WM_DELETE_WINDOW sent to {hex(w.id)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
