"""Widgets only: every engine call goes through ``tasks.py`` to a worker thread."""
