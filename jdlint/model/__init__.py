"""Plain data every layer shares.

`Posting` and its parts, `Finding`, `Hit`, `Severity`, `Rule`, results and the per-posting `Store`.
Imports nothing else of jdlint.
"""
