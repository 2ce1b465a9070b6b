"""Bias rules (category `bias`) written in Python; the word-list ones are term packs in `rules/bias/`."""
