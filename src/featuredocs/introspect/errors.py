"""The one error introspection raises on purpose: the project cannot be imported."""

from __future__ import annotations


class ProjectImportError(Exception):
    """The settings module (or an app it installs) failed to import or set up."""

    def __init__(self, settings_module: str, reason: str) -> None:
        super().__init__(f"cannot import settings `{settings_module}`: {reason}")
        self.settings_module = settings_module
        self.reason = reason

    @classmethod
    def from_error(cls, settings_module: str, error: BaseException) -> ProjectImportError:
        text = str(error).strip()
        first = text.splitlines()[0] if text else ""
        reason = f"{type(error).__name__}: {first}" if first else type(error).__name__
        return cls(settings_module, reason)
