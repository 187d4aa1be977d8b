"""Widgets only: every engine call goes through ``tasks.py`` to a worker thread."""

import gc

from volgui.ui._pyside_none import guard_none_refcount

guard_none_refcount()
# Everything imported so far (Qt's bindings, the SDK) lives as long as the
# process: keep it out of the cyclic collector, whose full passes otherwise
# walk it all and stall the GUI thread for tens of milliseconds.
gc.freeze()
