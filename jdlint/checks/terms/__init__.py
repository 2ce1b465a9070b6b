"""The YAML term kind: one plugin (`runner`) that loads every pack (`pack`) and runs them over a posting."""
