"""What a posting is and says, computed once per posting.

Places and their laws, pay figures, requirement lists, statements, dates and page kind, kept in
`posting.facts`; and the `Context` every rule receives.
"""
