"""Translations: ``volgui_<lang>.ts`` (kept with lupdate) and, after the build
step, ``volgui_<lang>.qm`` (compiled by lrelease; not committed)."""
