"""Icons and the desktop entry, shipped inside the package as ``volgui.resources``."""
