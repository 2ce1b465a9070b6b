"""Rules the engine itself reports (unreadable-file, internal-error, unused-suppression, file-too-large)."""
