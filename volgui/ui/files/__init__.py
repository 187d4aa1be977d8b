"""The Files tab: a volume's files as a lazily filled tree."""
