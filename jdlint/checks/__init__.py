"""jdlint's built-in rules. Each module is a pluggy plugin, registered on the
same `PluginManager` as third-party plugins (see `jdlint.engine.BUILTIN_PLUGINS`)."""
