"""The posting profile in each file's report entry (`files[].profile` of the JSON output).

Not a rule: it reports no finding. It shows the user what jdlint took the
file to be (a posting or not, where the job is, in which language, judged
at which date), so a surprising finding can be traced to its cause.
"""

from __future__ import annotations

from jdlint.hookspecs import hookimpl


@hookimpl
def jdlint_file_summary(posting, context):
    return {"profile": context.profile.to_json()}
