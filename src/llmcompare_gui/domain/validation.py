"""The one place that turns a validation error (pydantic's, the cost engine's…) into messages.

A :class:`Problem` keeps where the problem is as data (``loc``, the path of keys
and list indexes into the validated object) beside its text, so an editor can put
the message beside the field it is about instead of reading it back out of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong: where (``loc``), what (``message``), pydantic's ``kind`` and the input."""

    loc: Location
    message: str
    kind: str = "value_error"
    input: Any = None

    @property
    def where(self) -> str:
        """``pricing.tiers[0].input_per_mtok``; empty for the object as a whole."""
        return where(self.loc)

    def describe(self, whole: str = "") -> str:
        """``pricing.input_per_mtok: Input should be …``; ``whole`` names a problem of no field."""
        place = self.where or whole
        return f"{place}: {self.message}" if place else self.message


def where(loc: Sequence[str | int]) -> str:
    """A location as a path: keys joined by ``.``, list indexes as ``[n]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def problems(error: ValidationError | ValueError) -> list[Problem]:
    """Every problem an error reports, in its order; a plain ValueError is one problem."""
    if isinstance(error, ValidationError):
        return [
            Problem(
                loc=tuple(entry["loc"]),
                message=_message(entry["type"], entry["msg"]),
                kind=entry["type"],
                input=entry.get("input"),
            )
            for entry in error.errors(include_url=False)
        ]
    return [Problem(loc=(), message=str(error))]


def first_problem(error: ValidationError | ValueError) -> Problem:
    """The first problem of ``error`` (a ValidationError always holds at least one)."""
    return problems(error)[0]


def describe(error: ValidationError | ValueError, whole: str = "") -> str:
    """The first problem as one line, ``where: what``; ``whole`` names a problem of no field."""
    return first_problem(error).describe(whole)


def _message(kind: str, message: str) -> str:
    # A validator's own ValueError arrives as "Value error, <its text>": the text is the message.
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "missing":
        return "required field is missing"
    return message
