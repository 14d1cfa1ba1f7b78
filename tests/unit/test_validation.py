"""Validation errors turned into messages, with where each problem is kept as data."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from llmcompare_gui.domain.model import Model
from llmcompare_gui.domain.validation import Problem, describe, first_problem, problems, where


def _error(data: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Model.model_validate(data)
    return caught.value


MODEL = {"id": "m", "name": "M", "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}}


def test_a_field_problem_names_its_path() -> None:
    error = _error({**MODEL, "pricing": {"input_per_mtok": -1.0, "output_per_mtok": 2.0}})
    problem = first_problem(error)
    assert problem.loc == ("pricing", "input_per_mtok")
    assert problem.where == "pricing.input_per_mtok"
    assert problem.kind == "greater_than_equal"
    assert problem.input == -1.0
    assert describe(error) == "pricing.input_per_mtok: Input should be greater than or equal to 0"


def test_list_indexes_are_written_in_brackets() -> None:
    assert where(("pricing", "tiers", 0, "input_per_mtok")) == "pricing.tiers[0].input_per_mtok"
    assert where(()) == ""
    assert where(("models", 2)) == "models[2]"


def test_a_missing_field_says_so_in_words() -> None:
    error = _error({"id": "m", "pricing": MODEL["pricing"]})
    assert describe(error) == "name: required field is missing"


def test_a_validators_own_message_loses_pydantics_prefix() -> None:
    error = _error({**MODEL, "release": "2025-02-30"})
    assert describe(error) == (
        "release: '2025-02-30' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_every_problem_is_listed_in_order() -> None:
    error = _error({"id": "", "name": "", "pricing": MODEL["pricing"]})
    assert [p.loc for p in problems(error)] == [("id",), ("name",)]


def test_a_plain_value_error_is_one_problem_of_no_field() -> None:
    error = ValueError("c + w must not exceed 1")
    assert problems(error) == [Problem(loc=(), message="c + w must not exceed 1")]
    assert describe(error) == "c + w must not exceed 1"
    assert describe(error, whole="scenario") == "scenario: c + w must not exceed 1"
