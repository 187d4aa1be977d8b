"""The volume-data operations in one place, for ``Engine`` to delegate to."""

from __future__ import annotations

from volgui.engine.data.browse import Entry, list_dir, preview
from volgui.engine.data.clone import clone_volume
from volgui.engine.data.copy import copy_volume
from volgui.engine.data.empty import delete_entry, empty_volume
from volgui.engine.data.export import export_volume
from volgui.engine.data.helper import remove_leftovers
from volgui.engine.data.local import download, upload
from volgui.engine.data.rename import Renamed, rename_volume
from volgui.engine.data.restore import Imported, import_volume
from volgui.engine.data.sizes import volume_sizes

__all__ = [
    "Entry",
    "Imported",
    "Renamed",
    "clone_volume",
    "copy_volume",
    "delete_entry",
    "download",
    "empty_volume",
    "export_volume",
    "import_volume",
    "list_dir",
    "preview",
    "remove_leftovers",
    "rename_volume",
    "upload",
    "volume_sizes",
]
