"""Volume data: helper containers, streams, and the operations on a volume's files."""
