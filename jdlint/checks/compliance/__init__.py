"""Disclosure rules (category `compliance`): what a law or policy asks a posting to say."""
