"""Shared machinery of the compliance rules: laws as data, where a posting is open, pay figures."""
