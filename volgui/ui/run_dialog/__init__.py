"""The run dialog: a container as a form and as a `docker run` line, and applying it."""
