"""`jdlint server`: a warm jdlint process the CLI hands its runs to (the model is blackd, dmypy, eslint_d).

spaCy, the plugins and the rule data are loaded once in a long-lived process;
each `jdlint check` connects over a Unix socket, passes its standard streams,
and a child forked from the warm process runs the same `cli.main` a direct run
would, writing straight into the caller's terminal or pipe. Modules:

* `paths`: where the socket lives, and the checks that it and its folder are the user's own;
* `protocol`: the messages on the socket (JSON lines, and the streams passed with SCM_RIGHTS);
* `client`: the CLI's side, importing almost nothing, with a fallback to an in-process run;
* `daemon`: the server (one process per jdlint install and Python, a child per request).
"""
