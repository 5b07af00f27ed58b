"""A command's usage, options and example invocations, built from its parser facts.

The usage line is illustrative (``<path>``, ``[--batch-size BATCH_SIZE]``); the example
invocations are real: every value in them is the option's default, one of its choices or
a value of its type, one option of a mutually exclusive group stands for it, and each
line is parsed with the command's rebuilt parser before it is written.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from featuredocs.model import CommandFact, OptionFact, QueryParamFact
from featuredocs.rules.fd4_commands.negatable import forms, notation_of
from featuredocs.rules.fd4_commands.parser import UnsupportedParser, rejection
from featuredocs.secrets import MASK, mask_text

_SUPPRESSED = "==SUPPRESS=="
_FLAG_ACTIONS = frozenset({"store_true", "store_false", "store_const", "count", "append_const"})
_DEFAULT_NOTE = re.compile(r"\s*[(\[]\s*default[s]?\b[^)\]]*[)\]]\s*\.?\s*$", re.IGNORECASE)
_TYPE_SAMPLES = {"int": "1", "float": "1.0", "Decimal": "1.0"}


def documented_options(command: CommandFact) -> list[OptionFact]:
    """The options a page lists: not the ones every command has, not hidden ones, not
    ``--help``, not those of sub-commands (those are documented with the sub-command)."""
    return [
        option for option in command.options
        if not option.base
        and option.help != _SUPPRESSED
        and option.subcommand is None
        and option.action not in ("help", "version")
    ]


def is_flag(option: OptionFact) -> bool:
    return bool(option.flags) and (option.action in _FLAG_ACTIONS or option.nargs == "0")


def long_flag(option: OptionFact) -> str:
    """The flag an example runs: ``--batch-size`` rather than ``-b``, since the longest
    reads best; of a ``--[no-]notify``, the form that does what the default does not."""
    both = notation_of(option)
    if both is not None:
        given, negated = forms(both)
        return negated if option.default == "True" else given
    return max(option.flags, key=len) if option.flags else option.dest


def shown_flag(option: OptionFact) -> str:
    """The option as a page names it: ``--[no-]notify`` for both forms of a boolean
    option (argparse's ``BooleanOptionalAction``), else :func:`long_flag`."""
    return notation_of(option) or long_flag(option)


def metavar(option: OptionFact) -> str:
    if option.choices:
        return "{" + ",".join(option.choices) + "}"
    return option.metavar or option.dest.upper()


def _positional_usage(option: OptionFact) -> str:
    return _repeated(f"<{option.metavar or option.dest}>", option.nargs)


def _option_usage(option: OptionFact) -> str:
    text = shown_flag(option) if is_flag(option) else f"{long_flag(option)} {_values(option)}"
    return text if option.required else f"[{text}]"


def _values(option: OptionFact) -> str:
    return _repeated(metavar(option), option.nargs)


def _repeated(name: str, nargs: str | None) -> str:
    """``name`` as argparse's usage writes it for ``nargs``: ``N [N ...]`` for ``+``,
    ``[N ...]`` for ``*``, ``[N]`` for ``?``, ``N N`` for 2."""
    nargs = nargs or ""
    if nargs.isdigit():
        return " ".join([name] * int(nargs))
    return {"?": f"[{name}]", "*": f"[{name} ...]", "+": f"{name} [{name} ...]"}.get(nargs, name)


def usage_line(command: CommandFact, *, arguments_first: bool = True) -> str:
    """``import_products <path> [--format {csv,json}] [--dry-run]`` (after ``manage.py``).

    Pages put the arguments first, the way people type the command; ``arguments_first=False``
    gives argparse's own order, as ``manage.py help`` prints it.
    """
    options = documented_options(command)
    flagged: list[str] = []
    shown: set[str] = set()
    for option in options:
        if not option.flags or option.exclusive in shown:
            continue
        if option.exclusive is None:
            flagged.append(_option_usage(option))
            continue
        # a mutually exclusive group as argparse writes it: (--dry-run | --commit)
        shown.add(option.exclusive)
        members = [o for o in options if o.flags and o.exclusive == option.exclusive]
        inner = " | ".join(_option_usage(replace(o, required=True)) for o in members)
        flagged.append(f"({inner})" if option.exclusive_required else f"[{inner}]")
    arguments = [_positional_usage(o) for o in options if not o.flags]
    parts = arguments + flagged if arguments_first else flagged + arguments
    return " ".join([command.name, *parts])


# --- values -------------------------------------------------------------------------------


def default_text(option: OptionFact) -> str | None:
    """The default as a page writes it (``48``, ``csv``), None for flags and no default;
    masked when the option looks like it holds a secret (``--api-key``)."""
    if is_flag(option) or option.default is None or option.default == "None":
        return None
    try:
        value = ast.literal_eval(option.default)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value = option.default
    text = value if isinstance(value, str) else option.default
    if isinstance(value, (list, tuple)):
        # Items as a user types them after the flag (``1 2``), as FD403 reads them.
        plain = value and all(isinstance(item, (str, int, float)) for item in value)
        text = " ".join(str(item) for item in value) if plain else ""
    if not text:
        return None
    masked, _ = mask_text(option.dest, text)
    return masked if masked is not None else text


def description(option: OptionFact) -> str | None:
    """The option's help without its trailing ``(default: …)``, which the page writes
    itself from the real default."""
    shown = default_text(option) or ""  # masked: help may print a secret default
    text = option.help.replace("%(default)s", shown).replace("%%", "%").strip()
    text = _DEFAULT_NOTE.sub("", text).strip()
    return text.rstrip(".") if text else None


def sample_value(option: OptionFact) -> str:
    """A value the option's parser accepts."""
    if option.choices:
        return option.choices[0]
    default = default_text(option)
    if default is not None and _plain_word(default):
        return default
    if option.type in _TYPE_SAMPLES:
        return _TYPE_SAMPLES[option.type]
    return (option.metavar or option.dest).lower().replace("_", "-")


def _plain_word(text: str) -> bool:
    """A value that reads well on a command line: one word, not a masked secret."""
    return text != MASK and " " not in text and text.lstrip("-")[:1].isalnum()


def _words(option: OptionFact) -> list[str]:
    return [long_flag(option)] if is_flag(option) else [long_flag(option), sample_value(option)]


def _required_words(options: list[OptionFact]) -> list[str]:
    """What every run gives: the required options, one option of each mutually exclusive
    group one of which is required, and the positional arguments."""
    words: list[str] = []
    groups: set[str] = set()
    for option in options:
        if not option.flags:
            continue
        if option.required:
            words += _words(option)
        elif option.exclusive_required and option.exclusive not in groups:
            groups.add(option.exclusive)  # type: ignore[arg-type]
            words += _words(option)
    for option in options:
        if not option.flags and option.nargs not in ("?", "*"):
            words.append(sample_value(option))
    return words


def example_invocations(command: CommandFact, limit: int = 3) -> tuple[list[str], str | None]:
    """(common examples, one advanced example): lines that run the command for real, as
    its rebuilt parser (FD404's) accepts them."""
    options = documented_options(command)
    base = " ".join(["python manage.py", command.name, *_required_words(options)])
    # an option of a group one of which every run gives goes with none of the others
    optional = [o for o in options if o.flags and not o.required and not o.exclusive_required]
    flags = [o for o in optional if is_flag(o)]
    valued = [o for o in optional if not is_flag(o) and o.nargs not in ("*", "+")]
    shown = [*flags[:limit], *valued[: max(0, limit - len(flags))]]
    common = [line for line in (f"{base} {' '.join(_words(o))}" for o in shown) if _accepted(command, line)]
    chosen: list[OptionFact] = []
    for option in valued:  # one option of a mutually exclusive group at most
        if len(chosen) < limit and (option.exclusive is None or all(o.exclusive != option.exclusive for o in chosen)):
            chosen.append(option)
    if len(chosen) < 2:
        return common, None
    advanced = f"{base} {' '.join(word for o in chosen for word in _words(o))}"
    return common, advanced if _accepted(command, advanced) else None


def _accepted(command: CommandFact, line: str) -> bool:
    """Whether the command's rebuilt parser takes the arguments of ``line`` (a parser
    that cannot be rebuilt is no reason to drop an example)."""
    try:
        return rejection(command, line.split()[3:]) is None
    except UnsupportedParser:
        return True


#: More choices than this are a table's to list, not a sentence's.
_MOST_CHOICES = 12


def with_choices(text: str | None, choices: tuple[str, ...] | None) -> str | None:
    """``text`` and the values a field or option takes, written as FD307 and FD406 read
    them: ``One of `csv` or `json` `` alone, or after the text (``Output format; one of
    `csv` or `json` ``). The text alone when it names every choice already, or when
    there are too many to list."""
    if not choices or len(choices) > _MOST_CHOICES:
        return text
    if text and all(re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", text) for choice in choices):
        return text
    codes = [f"`{choice}`" for choice in choices]
    listed = f"{', '.join(codes[:-1])} or {codes[-1]}" if len(codes) > 1 else codes[0]
    if not text:
        return f"One of {listed}"
    return f"{text} One of {listed}." if text.endswith(".") else f"{text}; one of {listed}"


def query_param_text(param: QueryParamFact) -> str:
    """`` `status` (string, optional): One of `paid` or `void` ``: a Query Parameters item
    without its list marker (``[Description]`` for a parameter without choices), with the
    default the endpoint applies when it is left out and the most it takes (``(default: 20,
    at most 100)``)."""
    need = "required" if param.required else "optional"
    text = with_choices(None, param.choices) or "[Description]"
    return f"`{param.name}` ({param.type or 'string'}, {need}): {text}{param_bounds(param)}"


def param_bounds(param: QueryParamFact) -> str:
    """`` (default: `-created_at`)``, `` (default: 20, at most 100)``: what FD507 and FD508
    read of a query parameter; '' when neither is known."""
    said = []
    if param.default is not None:
        value = ast.literal_eval(param.default)
        said.append(f"default: `{value}`" if isinstance(value, str) else f"default: {str(value).lower()}")
    if param.maximum is not None:
        said.append(f"at most {param.maximum}")
    return f" ({', '.join(said)})" if said else ""


def with_default(description: str, default: str) -> str:
    """``Rows per batch (default: 500)``; a help ending in its own parenthesis takes the
    default inside it (``Most orders (0: no limit; default: 0)``), and its final full stop
    goes, so that no ``). (`` reads between them."""
    text = description.rstrip()
    text = text[:-1] if text.endswith(".") and not text.endswith("..") else text
    if text.endswith(")") and "(" in text:
        return f"{text[:-1]}; default: {default})"
    return f"{text} (default: {default})"
