"""Running a page's examples inside the project, against a throw-away test database.

The databases are created the way Django's test runner creates them (``test_<name>``, an
in-memory SQLite database), so the project's own data is never read or written. Each page
runs inside one transaction per database that is rolled back at its end, and each example
inside a savepoint of its own: one failing example leaves the next a usable connection.

Only failures the page can be blamed for are reported. Not reported:

- a name the example uses without defining it (``NameError``): examples are often
  fragments of a longer session the prose describes;
- a row the empty database lacks (``DoesNotExist``, ``MultipleObjectsReturned``);
- something outside the project (a file, the network: ``OSError``; a service a client
  could not reach: ``redis.ConnectionError``, ``httpx.ConnectError``), an answer to type in
  (``EOFError``), an unset environment variable, an import, or arguments a command's
  parser rejects (FD802 and FD404 report those without running anything);
- a request answered 4xx, but for a field the documented body leaves out (see
  :mod:`.http`).

What was not judged is counted, by why, for the summary the run prints.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from featuredocs.execute import http
from featuredocs.model.examples import Example, ExampleFailure, ExampleKind, ExecutionReport, Executions
from featuredocs.secrets import mask_line

#: Seconds one example may take before it is stopped and reported.
TIME_LIMIT = 30
_MESSAGE_LIMIT = 200


class TookTooLong(BaseException):
    """Raised into an example that ran out of time; a BaseException, so that an example's
    own ``except Exception`` does not swallow it."""


class SetupError(Exception):
    """The fixtures or the login asked for could not be set up in the test database."""


def run_pages(
    plan: dict[str, list[Example]], root: Path, time_limit: float = TIME_LIMIT, fixtures: tuple[str, ...] = (),
    login: str | None = None,
) -> ExecutionReport:
    """Every page's examples run in order, each page in its own rolled-back transaction,
    on the rows of ``fixtures`` (``loaddata`` names or files), loaded once; the requests
    sent as the user named ``login``, when given."""
    from django.db import connections
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
        teardown_test_environment,
    )

    setup_test_environment()  # outgoing mail kept in memory, 'testserver' an allowed host
    aliases = list(connections)
    created = setup_databases(verbosity=0, interactive=False, aliases=set(aliases), serialized_aliases=set())
    try:
        if fixtures:
            _load(fixtures)
        run = _Run(aliases, _own_commands(root), time_limit, _user(login) if login else None)
        failures: Executions = {}
        for rel, examples in plan.items():
            found = run.page(examples)
            if found:
                failures[rel] = tuple(found)
        passed = run.outcomes.pop(_PASSED, 0)
        not_judged = tuple(sorted(run.outcomes.items(), key=lambda item: (-item[1], item[0])))
        return ExecutionReport(failures, passed, not_judged, run.failed)
    finally:
        teardown_databases(created, verbosity=0)
        teardown_test_environment()


_PASSED = "passed"
#: Exceptions of clients that could not reach their service, by name, since many have no
#: OSError base: redis-py's ConnectionError, httpx's ConnectError, kombu's OperationalError.
_SERVICE_DOWN = re.compile(r"Connect|Timeout|Unavailable|^OperationalError$")
_OS_FILES = frozenset({"<frozen os>", os.__file__})


def _load(fixtures: tuple[str, ...]) -> None:
    from django.core.management import call_command

    try:
        call_command("loaddata", *fixtures, verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    except Exception as error:  # loaddata's own errors name the fixture and the row
        message = str(error).strip().split("\n", 1)[0] or type(error).__name__
        raise SetupError(f"cannot load the fixtures: {message}") from error


def _user(login: str) -> Any:
    from django.contrib.auth import get_user_model

    model = get_user_model()
    try:
        return model._default_manager.get_by_natural_key(login)
    except model.DoesNotExist:
        raise SetupError(f"no user `{login}` to log in as: load one with the fixtures") from None


class _Run:
    """The examples of one page after another, and how many ended each way."""

    def __init__(self, aliases: list[str], own: frozenset[str], time_limit: float, user: Any) -> None:
        self.aliases, self.own, self.time_limit, self.user = aliases, own, time_limit, user
        self.outcomes: Counter[str] = Counter()
        self.failed = 0  # examples, each with one failure or more

    def page(self, examples: list[Example]) -> list[ExampleFailure]:
        from django.db import transaction
        from django.test import Client

        namespace: dict[str, Any] = {"__name__": "__featuredocs_example__"}
        found: list[ExampleFailure] = []
        with ExitStack() as page:
            for alias in self.aliases:
                page.enter_context(transaction.atomic(using=alias))
            client = Client()  # one per page, its session in the page's transaction
            if self.user is not None:
                client.force_login(self.user)
            for example in examples:
                outcome = self._one(example, namespace, client)
                if isinstance(outcome, str):
                    self.outcomes[outcome] += 1
                else:
                    found.extend(outcome)
                    self.failed += 1
            for alias in self.aliases:
                transaction.set_rollback(True, using=alias)
        return found

    def _one(self, example: Example, namespace: dict[str, Any], client: Any) -> list[ExampleFailure] | str:
        """The example's failures, or why it was not judged, or :data:`_PASSED`."""
        from django.db import transaction

        code = None
        if example.kind is ExampleKind.PYTHON:
            try:
                code = compile(example.text, _filename(example), "exec", dont_inherit=True)
            except SyntaxError:  # the page parses as a notebook would: ``await`` at the top level
                return "awaited at the top level (not run)"
        output = io.StringIO()
        try:
            with ExitStack() as savepoints:
                for alias in self.aliases:
                    savepoints.enter_context(transaction.atomic(using=alias))
                with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output), _limited(self.time_limit):
                    if code is not None:
                        exec(code, namespace)  # noqa: S102
                    elif example.kind is ExampleKind.COMMAND:
                        if not _run_command(example, self.own, output):
                            return "named another package's command (not run)"
                    else:
                        return self._request(example, client)
        except TookTooLong:
            return [ExampleFailure(example.line, example.kind, f"did not finish within {self.time_limit:g} s")]
        except SystemExit as stop:
            if stop.code in (None, 0):
                return _PASSED
            return [ExampleFailure(example.line, example.kind, f"exited with status {stop.code}")]
        except BaseException as error:  # whatever the example raised is its report
            if isinstance(error, KeyboardInterrupt):
                raise
            why = _not_blamed(example, error)
            if why is not None:
                return why
            return [ExampleFailure(_failed_line(example, error), example.kind, _described(example, error))]
        return _PASSED

    def _request(self, example: Example, client: Any) -> list[ExampleFailure] | str:
        response = http.send(example.text, client)
        status = response.status_code
        if status >= 400 and status != http.documented_status(example.answer):
            blamed, said = http.verdict(status, response.content, self.user is not None)
            return [ExampleFailure(example.line, example.kind, _clipped(f"{_named(example)} {said}"))] if blamed else said
        if not example.answer:
            return _PASSED
        differs = http.differences(example.answer, example.answer_line, status, response.content,
                                   response.get("Content-Type", ""))
        return [ExampleFailure(line, example.kind, _clipped(f"{_named(example)} {said}")) for line, said in differs] or _PASSED


def _run_command(example: Example, own: frozenset[str], output: io.StringIO) -> bool:
    """The command run, when it is the project's own (Django's and other packages'
    commands are not the page's to prove)."""
    from django.core.management import call_command

    name, *argv = example.text.split("\n")
    if name not in own:
        return False
    call_command(name, *argv, stdout=output, stderr=output)
    return True


def _own_commands(root: Path) -> frozenset[str]:
    """The commands the project's own apps define (not Django's, not installed packages')."""
    from django.apps import apps
    from django.core.management import get_commands

    inside = {config.name for config in apps.get_app_configs() if _under(Path(config.path), root)}
    return frozenset(name for name, app in get_commands().items() if app in inside)


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return "site-packages" not in path.parts


def _not_blamed(example: Example, error: BaseException) -> str | None:
    """Why ``error`` says nothing about the page, or None when it does."""
    from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist
    from django.core.management.base import CommandError

    if isinstance(error, NameError):
        return "used a name defined elsewhere"
    if isinstance(error, (ObjectDoesNotExist, MultipleObjectsReturned)):
        return "needed rows the test database lacks"
    if isinstance(error, ImportError):
        return "failed to import (FD802)"
    if isinstance(error, (OSError, EOFError)):
        return "needed a file, the network or an answer"
    if _service_down(error):
        return "needed a service that is not running"
    if _unset_variable(error):
        return "needed an environment variable"
    if example.kind is ExampleKind.COMMAND and isinstance(error, CommandError) and str(error).startswith("Error: "):
        return "had arguments the parser rejects (FD404)"  # ``call_command`` says ``Error: …``
    return None


def _service_down(error: BaseException) -> bool:
    """A client that could not reach its service (Redis, a broker, an HTTP API); not the
    test database's own errors (``no such column`` in raw SQL is the page's)."""
    return any(
        _SERVICE_DOWN.search(kind.__name__) and not kind.__module__.startswith(_DATABASE_MODULES)
        for kind in type(error).__mro__
    )


_DATABASE_MODULES = ("django.", "sqlite3", "psycopg", "MySQLdb", "oracledb")


def _unset_variable(error: BaseException) -> bool:
    """``os.environ["X"]`` with X unset, django-environ's or python-decouple's report of it,
    or the project's own (``CommandError("SHOP_SMS_API_KEY is not set")``)."""
    if isinstance(error, KeyError):
        frames = traceback.extract_tb(error.__traceback__)
        # os is frozen into the interpreter: its frames' file is ``<frozen os>``
        return bool(frames) and frames[-1].name == "__getitem__" and frames[-1].filename in _OS_FILES
    name = type(error).__name__
    if name == "UndefinedValueError" or (name == "ImproperlyConfigured" and "environment variable" in str(error)):
        return True
    message = str(error)
    return _SAYS_UNSET.search(message) is not None and any(
        variable not in os.environ for variable in _VARIABLE.findall(message)
    )


#: A message that says a value is missing, and an environment variable's name in it.
_SAYS_UNSET = re.compile(r"\b(?:not set|unset|is required|is missing|missing|not configured|not defined)\b", re.I)
_VARIABLE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")


def _filename(example: Example) -> str:
    return f"<featuredocs example at line {example.line}>"


def _failed_line(example: Example, error: BaseException) -> int:
    """The page line of the example's statement that raised (its first line when the
    error arose elsewhere, in a command or a request)."""
    # The block's own statement that led there: a function an earlier block defined raises
    # on a line of that block.
    own = _filename(example)
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == own]
    if example.kind is ExampleKind.PYTHON and lines and lines[-1]:
        return example.line + lines[-1] - 1
    return example.line


def _named(example: Example) -> str:
    """How a message names a command or request: ``manage.py expire_orders``, ``GET /api/``."""
    if example.kind is ExampleKind.COMMAND:
        return "`manage.py " + " ".join(example.text.split("\n")) + "`"
    method, path, _, _ = http.parse_request(example.text)
    return f"`{method} {path}`"


def _described(example: Example, error: BaseException) -> str:
    from django.core.management.base import CommandError

    message = str(error).strip().split("\n", 1)[0]
    if isinstance(error, CommandError) and example.kind is not ExampleKind.PYTHON:  # call_command's is the block's
        return _clipped(f"{_named(example)} failed: {message}")
    raised = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return _clipped(raised if example.kind is ExampleKind.PYTHON else f"{_named(example)} raised {raised}")


def _clipped(message: str) -> str:
    message = mask_line(message)
    return message if len(message) <= _MESSAGE_LIMIT else message[: _MESSAGE_LIMIT - 1] + "…"


@contextlib.contextmanager
def _limited(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):  # Windows: no interval timer, no limit
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
