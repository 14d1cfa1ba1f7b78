"""Hostile stores and import files give a clean typed error, never a traceback or a write.

Two kinds of input: byte-mutated copies of real files (bits flipped, bytes cut,
chunks repeated, hostile tokens such as NaN, 1e999, deep nesting or a lone
surrogate spliced in) and hypothesis-generated JSON shaped like each format.
Stores go through :meth:`StoreSession.open` (the window's and the command
line's path); import files through the import service both use, which guesses the
format (``import_service.read_file`` with no format, then ``preview``: LiteLLM,
OpenRouter, CSV, Aider's leaderboard YAML, benchmark CSV), so a new format is
covered once it is guessed. What an import accepts must save and
load back. A few hundred cases run in ``make test``; ``make test-slow`` runs
over 10,000.
"""

from __future__ import annotations

import csv
import io
import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmcompare_gui.services import import_service
from llmcompare_gui.services.import_service import ImportReadError
from llmcompare_gui.store.errors import StoreError
from llmcompare_gui.store.jsonstore import default_store, dump_store, parse_store
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.store.session import StoreSession

from ..conftest import FIXTURES
from ..stores import litellm_store

LITELLM = json.loads((FIXTURES / "litellm_model_prices-2025-11-01.json").read_text("utf-8"))
LITELLM_KEYS = [key for key in LITELLM if key != "sample_spec"][:40]
AIDER = (FIXTURES / "aider_polyglot_leaderboard.yml").read_text("utf-8")
BUNDLED_IDS = [model.id for model in default_store().models]

# -- seeds: real files of every kind ---------------------------------------------------


def store_seeds() -> list[bytes]:
    bundled = dump_store(default_store()).encode()
    large = json.dumps(litellm_store(30), indent=2).encode()
    implicit_v1 = json.dumps(
        {
            "models": [
                {"id": "a", "name": "A", "pricing": {"input_per_mtok": 1, "output_per_mtok": 2}}
            ]
        }
    ).encode()
    return [bundled, large, implicit_v1]


def import_seeds() -> list[bytes]:
    litellm = {key: LITELLM[key] for key in LITELLM_KEYS}
    openrouter = {
        "data": [
            {
                "id": f"vendor/{key}",
                "name": key,
                "context_length": entry.get("max_input_tokens"),
                "pricing": {
                    "prompt": str(entry.get("input_cost_per_token", "0")),
                    "completion": str(entry.get("output_cost_per_token", "0")),
                    "input_cache_read": str(entry.get("cache_read_input_token_cost", "0")),
                },
            }
            for key, entry in litellm.items()
        ]
    }
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["id", "name", "vendor", "input_per_mtok", "output_per_mtok", "context_window"])
    for key, entry in litellm.items():
        writer.writerow(
            [
                key,
                key.title(),
                entry.get("litellm_provider", ""),
                (entry.get("input_cost_per_token") or 0) * 1e6,
                (entry.get("output_cost_per_token") or 0) * 1e6,
                entry.get("max_input_tokens", ""),
            ]
        )
    # Aider's leaderboard: its first dozen runs, as YAML; and a benchmark-score CSV.
    aider = "\n\n".join(AIDER.split("\n\n")[:12]) + "\n"
    scores = "model_id,benchmark,score\n" + "".join(
        f"{store_id},swe_bench_verified,{40 + n}\n" for n, store_id in enumerate(BUNDLED_IDS)
    )
    return [
        json.dumps(litellm).encode(),
        json.dumps(openrouter).encode(),
        rows.getvalue().encode(),
        aider.encode(),
        scores.encode(),
    ]


# -- byte mutations --------------------------------------------------------------------

HOSTILE = [
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"-1e308",
    b"1e308",
    b"-0.0",
    b"null",
    b"true",
    b'""',
    b"[]",
    b"{}",
    b"[" * 300,
    b'{"a":' * 250,
    b'"\\ud800"',
    b'"\\u0000"',
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\r\n",
    b",",
    b'"',
    b"1,5",
    b"=cmd|' /C calc'!A0",
    b"99999999999999999999999999999999999999",
]


def _flip(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def _cut(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 64) :]


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _repeat(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    chunk = data[at : at + rng.randint(1, 200)]
    return data[:at] + chunk * rng.randint(2, 5) + data[at:]


def _splice(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.choice(HOSTILE) + data[at + rng.randint(0, 8) :]


def _replace_number(rng: random.Random, data: bytes) -> bytes:
    """A number in the file becomes a hostile token: hits the values, not just the syntax."""
    starts = [i for i in range(1, len(data)) if data[i] in b"0123456789" and data[i - 1] in b": ,"]
    if not starts:
        return _splice(rng, data)
    at = rng.choice(starts)
    end = at
    while end < len(data) and data[end] in b"0123456789.eE+-":
        end += 1
    return data[:at] + rng.choice(HOSTILE) + data[end:]


def _random_bytes(rng: random.Random, data: bytes) -> bytes:
    return rng.randbytes(rng.randint(0, 300))


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _flip,
    _cut,
    _truncate,
    _repeat,
    _splice,
    _replace_number,
    _replace_number,
    _random_bytes,
]


def mutated(seeds: list[bytes], count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        data = rng.choice(seeds)
        for _round in range(rng.choice((1, 1, 1, 2, 3))):
            data = rng.choice(MUTATIONS)(rng, data) if data else data
        cases.append(data)
    return cases


# -- the guarantees --------------------------------------------------------------------


def check_store_bytes(data_dir: Path, content: bytes) -> str:
    """Open ``content`` as the store: a StoreError or a store that saves; the file untouched."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "models.json"
    path.write_bytes(content)
    try:
        session = StoreSession.open(resolve_paths(data_dir))
    except StoreError as error:
        message = str(error)
    else:
        message = None
    if message is not None:
        assert message.startswith(str(path)), f"the message does not name the file: {message}"
        assert path.read_bytes() == content, "a store that failed to open was written"
        return "refused"
    try:
        assert path.read_bytes() == content, "opening a store wrote to it"
        again, _ = parse_store(dump_store(session.store), path)
        assert again == session.store, "the store does not save and load back as it was"
    finally:
        session.close()
    return "opened"


IMPORT_TARGET = default_store()


def check_import_bytes(content: bytes) -> str:
    """Read ``content`` as the window and the CLI do; accepted content saves and loads back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.json"
        path.write_bytes(content)
        try:
            result = import_service.read_file(path)
        except ImportReadError as error:
            if not error.problem:
                raise AssertionError("an import error without a message") from error
            return "not UTF-8" if "not UTF-8" in error.problem else "refused"
    plan = import_service.preview(IMPORT_TARGET, result)
    saved = dump_store(plan.store)  # raises ValueError if a NaN or infinity got in
    again, _ = parse_store(saved, Path("imported.json"))
    assert again == plan.store
    return "imported" if plan.changes_anything else "nothing to import"


def record(outcomes: dict[str, int], outcome: str) -> None:
    outcomes[outcome] = outcomes.get(outcome, 0) + 1


@pytest.mark.parametrize("count", [300, pytest.param(3000, marks=pytest.mark.slow)])
def test_mutated_stores_are_refused_cleanly_or_open(tmp_path: Path, count: int) -> None:
    outcomes: dict[str, int] = {}
    for number, content in enumerate(mutated(store_seeds(), count, seed=count)):
        try:
            record(outcomes, check_store_bytes(tmp_path / f"case-{number}", content))
        except BaseException:
            (tmp_path / "failing-store.json").write_bytes(content)
            raise
    print(f"{count} mutated stores: {outcomes}")
    assert outcomes.get("refused"), "no mutation was refused: the mutations do nothing"


@pytest.mark.parametrize("count", [300, pytest.param(3000, marks=pytest.mark.slow)])
def test_mutated_import_files_are_refused_cleanly_or_import(tmp_path: Path, count: int) -> None:
    outcomes: dict[str, int] = {}
    for content in mutated(import_seeds(), count, seed=count + 1):
        try:
            record(outcomes, check_import_bytes(content))
        except BaseException:
            (tmp_path / "failing-import").write_bytes(content)
            raise
    print(f"{count} mutated import files: {outcomes}")
    assert outcomes.get("refused"), "no mutation was refused: the mutations do nothing"


# -- hypothesis: JSON shaped like each format ------------------------------------------

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([0, -1, 1e308, 1e-320, 5e-324]),
)
text = st.text(max_size=12)
leaves = st.one_of(st.none(), st.booleans(), numbers, text)
json_values = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=12,
)


def near(*keys: str) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with some of ``keys`` (and sometimes others) holding any JSON value."""
    return st.dictionaries(st.one_of(st.sampled_from(keys), text), json_values, max_size=len(keys))


pricing = near("input_per_mtok", "output_per_mtok", "cached_input_per_mtok", "as_of", "history")
model = st.fixed_dictionaries(
    {"id": st.one_of(text, json_values), "name": st.one_of(text, json_values), "pricing": pricing},
    optional={
        "architecture": near("context_window", "total_params_b", "active_params_b"),
        "benchmarks": st.dictionaries(text, near("score", "note", "source"), max_size=3),
        "modes": st.lists(near("name", "reasoning"), max_size=3),
        "vendor": json_values,
    },
)
store_documents = st.fixed_dictionaries(
    {"models": st.lists(model, max_size=4)},
    optional={
        "schema_version": st.one_of(st.integers(-2, 3), json_values),
        "currency": json_values,
        "benchmarks": st.lists(near("id", "name", "unit"), max_size=3),
    },
)
litellm_entry = near(
    "mode",
    "input_cost_per_token",
    "output_cost_per_token",
    "cache_read_input_token_cost",
    "max_input_tokens",
    "litellm_provider",
) | st.fixed_dictionaries(
    {"mode": st.sampled_from(["chat", "completion", "responses"])},
    optional={
        "input_cost_per_token": json_values,
        "output_cost_per_token": json_values,
        "cache_read_input_token_cost": json_values,
        "max_input_tokens": json_values,
    },
)
import_documents = st.one_of(
    st.dictionaries(text, litellm_entry, max_size=4),
    st.fixed_dictionaries(
        {
            "data": st.lists(
                st.fixed_dictionaries(
                    {"id": st.one_of(text, json_values)},
                    optional={
                        "name": json_values,
                        "context_length": json_values,
                        "pricing": near("prompt", "completion", "input_cache_read"),
                    },
                ),
                max_size=4,
            )
        }
    ),
    json_values,
)
csv_documents = st.lists(
    st.lists(
        st.one_of(
            text, numbers.map(str), st.sampled_from([token.decode("latin-1") for token in HOSTILE])
        ),
        max_size=7,
    ),
    max_size=5,
).map(
    lambda rows: (
        "id,name,input_per_mtok,output_per_mtok,cached_input_per_mtok,context_window,vendor\n"
        + "\n".join(",".join(cells) for cells in rows)
    )
)


aider_runs = st.lists(
    near("dirname", "model", "command", "pass_rate_2", "test_cases", "total_cost", "date")
    | st.fixed_dictionaries(
        {
            "dirname": text,
            "model": text,
            "command": st.sampled_from([*BUNDLED_IDS, "x/y", ""]).map("aider --model {}".format),
        },
        optional={
            "pass_rate_2": numbers,
            "pass_num_2": numbers,
            "test_cases": numbers,
            "total_cost": numbers,
            "date": st.one_of(text, st.dates().map(str)),
            "prompt_tokens": numbers,
            "completion_tokens": numbers,
        },
    ),
    min_size=1,
    max_size=4,
)


def as_yaml(document: Any) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")


def as_json(document: Any) -> bytes:
    # allow_nan: NaN and Infinity are written as the bare words a hostile file would hold.
    return json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")


def hypothesis_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def run_store_documents(tmp_path: Path, examples: int) -> None:
    counter = iter(range(10**9))

    @hypothesis_settings(examples)
    @given(store_documents)
    def check(document: dict[str, Any]) -> None:
        check_store_bytes(tmp_path / f"case-{next(counter)}", as_json(document))

    check()


def run_import_documents(examples: int) -> None:
    @hypothesis_settings(examples)
    @given(
        st.one_of(
            import_documents.map(as_json),
            csv_documents.map(str.encode),
            aider_runs.map(as_yaml),
        )
    )
    def check(content: bytes) -> None:
        check_import_bytes(content)

    check()


@pytest.mark.parametrize("examples", [150, pytest.param(2500, marks=pytest.mark.slow)])
def test_generated_stores_are_refused_cleanly_or_open(tmp_path: Path, examples: int) -> None:
    run_store_documents(tmp_path, examples)


@pytest.mark.parametrize("examples", [150, pytest.param(2500, marks=pytest.mark.slow)])
def test_generated_import_files_are_refused_cleanly_or_import(examples: int) -> None:
    run_import_documents(examples)
