"""Files in, results out.

Discovery, reading, batches, worker processes, the result cache, fixes and baselines, and the one
owner of engines (`engines`).
"""
