"""Reading benchmark results: Aider's leaderboard YAML and a generic benchmark CSV.

Like the price imports, a file is first read into records (or refused with an
:class:`~.importers.ImportFileError` naming the place: nothing is ever half
imported), then :func:`plan_benchmark_import` compares the records with a store
and returns an :class:`~.importers.ImportPlan`. Benchmark imports never add a
model: a run or a row that belongs to no model is listed as unmatched, and the
caller may assign it to a model, which adds the run's model id to that model's
``aliases`` so the next import matches it by itself.

CONTRACT §8 is the matching rule: a run belongs to the model whose ``name`` or
one of whose ``aliases`` equals the run's ``model``; failing that, whose ``id``
or alias equals the run's ``MODEL_ID`` (``aider --model MODEL_ID``).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast, get_args

import yaml
from pydantic import ValidationError

from .importers import ImportFileError, ImportFormat, ImportPlan, UnmatchedEntry
from .importers.reading import require_columns
from .model import (
    BenchmarkDefinition,
    BenchmarkResult,
    BenchmarkRun,
    Model,
    ReportedBy,
    Source,
    Store,
)
from .validation import first_problem

AIDER_POLYGLOT = "aider-polyglot"
"""The benchmark id of Aider's polyglot leaderboard (CONTRACT §8)."""
AIDER_POLYGLOT_DEFINITION = BenchmarkDefinition(
    id=AIDER_POLYGLOT,
    name="Aider Polyglot",
    unit="%",
    description="Code-editing exercises in six programming languages.",
    url="https://aider.chat/docs/leaderboards/",
)
MAX_BENCHMARK_FILE_CHARS = 16_000_000
"""Aider's whole leaderboard is under 100 KB; a file this large is not one, and reading it
would keep the window busy for a long time."""
BENCHMARK_CSV_REQUIRED = ("model_id", "benchmark", "score")
BENCHMARK_CSV_OPTIONAL = ("unit", "date", "source_url", "reported_by")
REPORTED_BY_VALUES: tuple[str, ...] = get_args(ReportedBy)

_MODEL_FLAG = re.compile(r"(?:^|\s)--model[= ]\s*(\S+)")
_AIDER_HINT = re.compile(r"^\s*(?:-\s+)?dirname\s*:", re.MULTILINE)
_YAML_START = re.compile(r"^(?:---|%YAML)", re.MULTILINE)
_INTEGER_FIELDS = ("test_cases", "pass_num_1", "pass_num_2", "prompt_tokens", "completion_tokens")
_RATE_FIELDS = ("pass_rate_1", "pass_rate_2")


@dataclass(frozen=True)
class ScoreRecord:
    """One row of a benchmark CSV: a score some model got on some benchmark."""

    model_id: str
    benchmark: str
    result: BenchmarkResult
    unit: str | None
    where: str


@dataclass(frozen=True)
class BenchmarkReadResult:
    format: ImportFormat
    source: Source
    runs: list[BenchmarkRun] = field(default_factory=list)
    scores: list[ScoreRecord] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def models(self) -> list[Any]:
        """What the price imports call their records: here the runs or score rows."""
        return list(self.runs) or list(self.scores)


def looks_like_aider(text: str) -> bool:
    head = text.lstrip("\ufeff")[:65536]
    return bool(_AIDER_HINT.search(head) or _YAML_START.match(head.lstrip()))


def looks_like_benchmark_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    columns = {cell.strip().lower() for cell in first.split(",")}
    return set(BENCHMARK_CSV_REQUIRED) <= columns


def model_id_of_command(command: str) -> str | None:
    """``aider --model deepseek/deepseek-chat --edit-format diff`` → ``deepseek/deepseek-chat``."""
    found = _MODEL_FLAG.search(command)
    return found.group(1) if found else None


# --- Aider's leaderboard ---------------------------------------------------------------


def read_aider_leaderboard(text: str, source_name: str = "leaderboard") -> BenchmarkReadResult:
    """The runs of an Aider leaderboard; refuses the whole file at its first bad run."""
    _check_size(text)
    # The C parser when PyYAML has it (about ten times faster); both only build plain data.
    safe_loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = safe_loader(text.lstrip("\ufeff"))
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
            raise ImportFileError(f"not valid YAML: {error.problem}", where) from None
        except yaml.YAMLError as error:
            raise ImportFileError(f"not valid YAML: {error}") from None
        if not isinstance(root, yaml.SequenceNode):
            kind = "nothing" if root is None else _node_kind(root)
            raise ImportFileError(
                f"expected a list of runs (Aider's leaderboard YAML), found {kind}", "line 1"
            )
        runs: list[BenchmarkRun] = []
        first_line: dict[str, int] = {}
        for position, node in enumerate(root.value, start=1):
            line = node.start_mark.line + 1
            where = f"run {position} (line {line})"
            if not isinstance(node, yaml.MappingNode):
                raise ImportFileError(
                    f"expected a run (a mapping), found {_node_kind(node)}", where
                )
            try:
                entry = loader.construct_mapping(node, deep=True)
            except (yaml.YAMLError, TypeError) as error:
                raise ImportFileError(f"cannot read this run: {error}", where) from None
            run = _aider_run(entry, where, source_name)
            if run.run in first_line:
                raise ImportFileError(
                    f"dirname {run.run!r} appears twice (first at line {first_line[run.run]}); "
                    "a leaderboard names each run once",
                    where,
                )
            first_line[run.run] = line
            runs.append(run)
    finally:
        loader.dispose()
    source = Source(title=f"Aider leaderboard ({source_name})")
    return BenchmarkReadResult(ImportFormat.AIDER, source, runs=runs)


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a single value"


def _aider_run(entry: Mapping[Any, Any], where: str, source_name: str) -> BenchmarkRun:
    dirname = _required_text(entry, "dirname", where)
    model = _required_text(entry, "model", where)
    command = entry.get("command")
    if command is not None and not isinstance(command, str):
        raise ImportFileError(f"{command!r} is not a command line", f"{where}, field command")
    values: dict[str, Any] = {}
    for name in _INTEGER_FIELDS:
        values[name] = _count(entry, name, where)
    for name in _RATE_FIELDS:
        values[name] = _number(entry, name, where)
    if values["pass_rate_2"] is None:
        raise ImportFileError("the field pass_rate_2 is missing", where)
    cost = _number(entry, "total_cost", where)
    run_date = _date(entry.get("date"), f"{where}, field date")
    edit_format = entry.get("edit_format")
    note = f"run {dirname}" + (f" of {run_date}" if run_date else "")
    values.update(
        model_id=model_id_of_command(command) if command else None,
        date=run_date,
        edit_format=edit_format if isinstance(edit_format, str) else None,
        total_cost=cost,
    )
    try:
        # Only what the run gives is set, so the store does not fill up with nulls.
        return BenchmarkRun(
            benchmark=AIDER_POLYGLOT,
            run=dirname,
            model=model,
            source=Source(title=f"Aider leaderboard ({source_name})", note=note),
            **{name: value for name, value in values.items() if value is not None},
        )
    except ValidationError as error:
        first = first_problem(error)
        raise ImportFileError(first.message, f"{where}, field {first.where}") from None


def _required_text(entry: Mapping[Any, Any], name: str, where: str) -> str:
    value = entry.get(name)
    if value is None:
        raise ImportFileError(f"the field {name} is missing", where)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ImportFileError(f"{value!r} is not text", f"{where}, field {name}")
    text = str(value).strip()
    if not text:
        raise ImportFileError(f"the field {name} is empty", where)
    return text


def _number(entry: Mapping[Any, Any], name: str, where: str) -> float | None:
    value = entry.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ImportFileError(f"{value!r} is not a number", f"{where}, field {name}")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond 1.8e308 has no float
        raise ImportFileError("a number beyond 1.8e308", f"{where}, field {name}") from None
    if not math.isfinite(number) or number < 0:
        raise ImportFileError(f"{value!r} is not a non-negative number", f"{where}, field {name}")
    return number


def _count(entry: Mapping[Any, Any], name: str, where: str) -> int | None:
    value = _number(entry, name, where)
    if value is None:
        return None
    if value != int(value):
        raise ImportFileError(f"{value!r} is not a whole number", f"{where}, field {name}")
    return int(value)


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        return value.strip()
    raise ImportFileError(f"{value!r} is not a date (YYYY-MM-DD)", where)


def _check_size(text: str) -> None:
    if len(text) > MAX_BENCHMARK_FILE_CHARS:
        raise ImportFileError(
            f"the file has {len(text) / 1e6:.1f} million characters; a benchmark file of "
            f"more than {MAX_BENCHMARK_FILE_CHARS / 1e6:.0f} million is not read "
            "(Aider's whole leaderboard has under 0.1 million)"
        )


# --- generic benchmark CSV ---------------------------------------------------------------


def read_benchmark_csv(text: str, source_name: str = "benchmark CSV") -> BenchmarkReadResult:
    """Rows of ``model_id,benchmark,score[,unit,date,source_url,reported_by]``."""
    _check_size(text)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    require_columns(header, BENCHMARK_CSV_REQUIRED)
    reader.fieldnames = header
    title = f"Benchmark CSV ({source_name})"
    scores: list[ScoreRecord] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        for row in reader:
            line = reader.line_num
            cells = {key: (value or "").strip() for key, value in row.items() if key}
            if not any(cells.values()):
                continue
            for name in BENCHMARK_CSV_REQUIRED:
                if not cells.get(name):
                    raise ImportFileError(f"the {name} is empty", f"line {line}, column {name}")
            try:
                score = float(cells["score"].rstrip("%").strip())
            except ValueError:
                raise ImportFileError(
                    f"{cells['score']!r} is not a number", f"line {line}, column score"
                ) from None
            if not math.isfinite(score):
                raise ImportFileError(
                    f"{cells['score']!r} is not a finite number", f"line {line}, column score"
                )
            reported_by = cells.get("reported_by", "").lower() or "independent"
            if reported_by not in REPORTED_BY_VALUES:
                raise ImportFileError(
                    f"{cells['reported_by']!r} is not one of " + ", ".join(REPORTED_BY_VALUES),
                    f"line {line}, column reported_by",
                )
            when = cells.get("date") or None
            if when is not None:
                when = _date(when, f"line {line}, column date")
            url = cells.get("source_url") or None
            if url is not None and not re.match(r"https?://", url):
                raise ImportFileError(
                    f"{url!r} is not an http(s) address", f"line {line}, column source_url"
                )
            key = (cells["model_id"], cells["benchmark"])
            if key in seen:
                raise ImportFileError(
                    f"{key[0]!r} on {key[1]!r} appears twice (first at line {seen[key]})",
                    f"line {line}",
                )
            seen[key] = line
            source = Source(title=title, url=url, note=f"as of {when}" if when else None)
            scores.append(
                ScoreRecord(
                    model_id=cells["model_id"],
                    benchmark=cells["benchmark"],
                    result=BenchmarkResult(
                        score=score,
                        source=source,
                        # One of REPORTED_BY_VALUES: checked above.
                        reported_by=cast(ReportedBy, reported_by),
                    ),
                    unit=cells.get("unit") or None,
                    where=f"line {line}",
                )
            )
    except csv.Error as error:
        raise ImportFileError(f"not readable as CSV: {error}", f"line {reader.line_num}") from None
    return BenchmarkReadResult(ImportFormat.BENCHMARK_CSV, Source(title=title), scores=scores)


# --- planning ------------------------------------------------------------------------


def find_model(store_models: Iterable[Model], name: str | None, model_id: str | None) -> int | None:
    """Row of the model a run belongs to (CONTRACT §8): by name or alias, else by id or alias."""
    models = list(store_models)
    if name:
        for row, model in enumerate(models):
            if model.name == name or name in model.aliases:
                return row
    if model_id:
        for row, model in enumerate(models):
            if model.id == model_id or model_id in model.aliases:
                return row
    return None


def plan_benchmark_import(
    store: Store, result: BenchmarkReadResult, assignments: Mapping[str, str] | None = None
) -> ImportPlan:
    """The store after importing ``result``; ``assignments`` maps unmatched runs to model ids.

    A key of ``assignments`` is a run's name (Aider: its dirname) or, for a CSV row, its
    ``model_id``; the model it names gains that run's model id as an alias.
    """
    assignments = dict(assignments or {})
    models = list(store.models)
    data: dict[int, dict[str, Any]] = {}
    unmatched: list[UnmatchedEntry] = []
    matched: list[tuple[str, str]] = []
    definitions = list(store.benchmarks)

    def editable(row: int) -> dict[str, Any]:
        if row not in data:
            data[row] = models[row].model_dump(exclude_unset=True)
        return data[row]

    def assign(key: str, alias: str) -> int | None:
        target = assignments.get(key)
        if target is None:
            return None
        row = next((r for r, m in enumerate(models) if m.id == target), None)
        if row is None:
            raise ValueError(f"no model with id {target!r} to assign {key!r} to")
        entry = editable(row)
        aliases = entry.setdefault("aliases", [])
        if alias not in aliases and alias != models[row].id:
            aliases.append(alias)
            models[row] = Model.model_validate(entry)
        return row

    # Aliases first, so that every run the new alias names is matched, as the next
    # import would match it: the preview shows what importing again would do.
    for run in result.runs:
        if run.run in assignments and find_model(models, run.model, run.model_id) is None:
            assign(run.run, run.model_id or run.model or run.run)
    touched: set[int] = set()
    for run in result.runs:
        row = find_model(models, run.model, run.model_id)
        if row is None:
            unmatched.append(UnmatchedEntry(run.run, run.model or "", run.model_id or ""))
            continue
        matched.append((run.run, models[row].id))
        entry = editable(row)
        runs = entry.setdefault("benchmark_runs", [])
        new = run.model_dump(exclude_unset=True)
        same = [i for i, old in enumerate(runs) if _run_key(old) == _run_key(new)]
        if same:
            if _without_source(runs[same[0]]) != _without_source(new):
                runs[same[0]] = new
        else:
            runs.append(new)
        touched.add(row)
    for row in touched:
        entry = data[row]
        bench_ids = {run["benchmark"] for run in entry["benchmark_runs"]}
        for bench_id in sorted(bench_ids):
            best = best_run_data(entry["benchmark_runs"], bench_id)
            if best is None:
                continue
            report = BenchmarkResult(
                score=best["pass_rate_2"],
                reported_by="independent",
                source=Source(
                    title=(best.get("source") or {}).get("title") or "Aider leaderboard",
                    url=(best.get("source") or {}).get("url"),
                    note=f"best of {_count_runs(entry, bench_id)}: run {best['run']}"
                    + (f" of {best['date']}" if best.get("date") else ""),
                ),
            )
            _put_report(entry, bench_id, report)
        if AIDER_POLYGLOT in bench_ids and not any(d.id == AIDER_POLYGLOT for d in definitions):
            definitions.append(AIDER_POLYGLOT_DEFINITION)

    for score in result.scores:
        row = find_model(models, score.model_id, score.model_id)
        if row is None and score.model_id in assignments:
            row = assign(score.model_id, score.model_id)
        if row is None:
            unmatched.append(UnmatchedEntry(score.model_id, score.benchmark, score.model_id))
            continue
        matched.append((f"{score.model_id} on {score.benchmark}", models[row].id))
        bench_id = _benchmark_id(definitions, score.benchmark, score.unit)
        _put_report(editable(row), bench_id, score.result)

    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for row in sorted(data):
        before = store.models[row] if row < len(store.models) else None
        new_model = Model.model_validate(data[row])
        if before is not None and _same(before, new_model):
            unchanged.append(new_model.id)
            continue
        models[row] = new_model
        updated.append(new_model.id)
    changed = bool(updated) or definitions != list(store.benchmarks)
    new_store = (
        store.model_copy(update={"models": models, "benchmarks": definitions}) if changed else store
    )
    return ImportPlan(
        new_store,
        added,
        updated,
        unchanged,
        Counter(result.skipped),
        unmatched=unmatched,
        matched=matched,
    )


def best_run_data(runs: Iterable[Mapping[str, Any]], bench_id: str) -> Mapping[str, Any] | None:
    """The run with the highest pass rate (ties: the later, then the first listed)."""
    best: Mapping[str, Any] | None = None
    for run in runs:
        if run.get("benchmark") != bench_id:
            continue
        if best is None or (run["pass_rate_2"], run.get("date") or "") > (
            best["pass_rate_2"],
            best.get("date") or "",
        ):
            best = run
    return best


def best_run(model: Model, bench_id: str = AIDER_POLYGLOT) -> BenchmarkRun | None:
    """The model's best run on ``bench_id`` (highest ``pass_rate_2``)."""
    dumped = [run.model_dump() for run in model.benchmark_runs]
    best = best_run_data(dumped, bench_id)
    runs = zip(model.benchmark_runs, dumped, strict=True)
    return next((run for run, data in runs if data is best), None)


def _count_runs(entry: Mapping[str, Any], bench_id: str) -> str:
    count = sum(1 for run in entry["benchmark_runs"] if run["benchmark"] == bench_id)
    return "1 run" if count == 1 else f"{count} runs"


def _run_key(run: Mapping[str, Any]) -> tuple[str, str]:
    return run["benchmark"], run["run"]


def _without_source(run: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in run.items() if key != "source"}


def _put_report(entry: dict[str, Any], bench_id: str, report: BenchmarkResult) -> None:
    """Put ``report`` among the model's reports of ``bench_id``, replacing one by the same kind.

    An independent result is the model's score; others' reports of the same benchmark stay
    beside it in ``other_reports``. A report equal in score to the one it replaces keeps
    the old one (with its source), so importing twice changes nothing.
    """
    benchmarks = entry.setdefault("benchmarks", {})
    existing = benchmarks.get(bench_id)
    reports: list[dict[str, Any]] = []
    if existing is not None:
        others = existing.pop("other_reports", [])
        reports = [existing, *others]
    new = report.model_dump(exclude_unset=True, exclude_none=True)
    for position, old in enumerate(reports):
        if old.get("reported_by") == new.get("reported_by"):
            if old.get("score") != new.get("score") or _url(old) != _url(new):
                reports[position] = new
            break
    else:
        reports.append(new)
    reports.sort(key=lambda item: item.get("reported_by") != "independent")
    primary, *others = reports
    if others:
        primary["other_reports"] = others
    benchmarks[bench_id] = primary


def _url(report: Mapping[str, Any]) -> str | None:
    return (report.get("source") or {}).get("url")


def _benchmark_id(definitions: list[BenchmarkDefinition], text: str, unit: str | None) -> str:
    """The id of the benchmark named ``text`` (by id or name); a new definition if none."""
    wanted = _normalise(text)
    for definition in definitions:
        if wanted in (_normalise(definition.id), _normalise(definition.name)):
            return definition.id
    definitions.append(BenchmarkDefinition(id=text, name=text, unit=unit or "%"))
    return text


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).lower()


def _same(before: Model, after: Model) -> bool:
    return before.model_dump(exclude_unset=True) == after.model_dump(exclude_unset=True)
