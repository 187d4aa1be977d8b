"""The mount graph widget: volumes, host paths and tmpfs left, containers right.

Where things are:
- ``panel.py``     :class:`MountGraphPanel`, what the window embeds (toolbar + view)
- ``view.py``      :class:`MountGraph` (object name ``mountGraph``): feeding, zoom/pan/fit,
                   selection, hover focus, drop handling
- ``sync.py``      the scene mirrors the model: the worker's plan, the diff applied in slices
- ``node_item.py`` a node; volume drag (``application/x-volgui-volume``) and container drop
- ``edge_item.py`` a mount
- ``navigation.py`` arrow keys and search; ``export.py`` PNG/SVG; ``theme.py`` colours
The graph's model and layout are Qt-free, in ``volgui/engine/graph/``.
"""

from volgui.ui.graph.panel import MountGraphPanel
from volgui.ui.graph.view import MountGraph

__all__ = ["MountGraph", "MountGraphPanel"]
