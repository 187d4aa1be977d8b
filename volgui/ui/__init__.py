"""Widgets only: every engine call goes through ``tasks.py`` to a worker thread."""

import gc

# Everything imported so far (Qt's bindings, the SDK) lives as long as the
# process: keep it out of the cyclic collector, whose full passes otherwise
# walk it all and stall the GUI thread for tens of milliseconds.
gc.freeze()
