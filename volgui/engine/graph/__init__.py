"""The mount graph, pure: no Qt, no transport, only the model's dataclasses.

- :mod:`.ids` builds every node id and edge id (the view, the tables and
  ``volgui graph --format dot`` name the same things);
- :mod:`.model` turns a :class:`~volgui.engine.model.Snapshot` into nodes and edges;
- :mod:`.crossings` counts edge crossings and reduces them (barycenter sweeps);
- :mod:`.layout` places the nodes in columns;
- :mod:`.diff` says what a shown picture must add, update, move and remove;
- :mod:`.export` writes the graph as JSON (DESIGN's contract) or Graphviz DOT.
"""
