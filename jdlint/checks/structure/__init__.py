"""Structure rules (category `structure`): unfinished postings and broken front matter."""
