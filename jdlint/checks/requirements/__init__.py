"""Requirement-list rules (category `requirements`): lists that contradict themselves or ask too much."""
