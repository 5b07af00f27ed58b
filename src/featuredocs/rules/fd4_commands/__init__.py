"""FD4: management commands and their options, and FD807: commands named anywhere.

``claims`` reads what a page says about commands (declared commands, option lists with
defaults, ``manage.py`` invocations in shell blocks, mentions in prose); ``parser``
rebuilds a command's argparse parser from its facts so invocations can be parsed the way
the real command would parse them.
"""
