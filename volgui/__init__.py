"""volgui: a desktop manager for Docker volumes."""

__version__ = "0.1.0"
