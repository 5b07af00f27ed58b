from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model.frozen import quick_init


@quick_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A region of a text file: 1-based lines and columns, columns counted in characters.

    ``end_column`` is exclusive, as in SARIF's ``endColumn``.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, line: int, column: int = 1, length: int = 0) -> Span:
        return cls(line, column, line, column + length)

    def shifted(self, lines: int = 0, columns: int = 0) -> Span:
        """The same span moved; ``columns`` only moves spans on their first line."""
        column = self.column + columns
        end_column = self.end_column + (columns if self.end_line == self.line else 0)
        return Span(self.line + lines, column, self.end_line + lines, end_column)
