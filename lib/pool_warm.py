"""Imported by the process pool's fork server (``pipeline._map_pool``): loads the tokenizer, dictionaries and
gazetteer once in the server, so every worker forked from it starts warm instead of loading them again."""

from lib.pipeline import _init_worker

_init_worker()
