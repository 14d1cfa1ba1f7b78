"""The command line: launch the window, or export and import without one.

Argument errors exit 2, an unusable store 3, a file to import that cannot be
read or understood 4, an output that cannot be written 1. Every failure is one line
on stderr that names the file; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .domain.chart_kind import ChartKind
from .domain.formatting import token_volume as volume_text
from .domain.parsing import (
    ParseError,
    parse_currency_code,
    parse_day,
    parse_number,
    parse_share,
    parse_token_volume,
)
from .services.export_service import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    EXPORT_FORMATS,
    MAX_SIDE,
    MIN_SIDE,
    ChartOptions,
    ExportError,
    export_format,
    write_chart,
)

if TYPE_CHECKING:
    from .domain.comparison import Comparison

EXIT_OK = 0
EXIT_WRITE_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_IMPORT_FILE = 4

DEFAULT_INPUT_TOKENS = 100e6
DEFAULT_OUTPUT_TOKENS = 20e6
DEFAULT_PROMPT_TOKENS = 10e3
SERVICE_TIERS = ("standard", "batch", "flex", "priority")
CACHE_TTLS = ("5m", "1h")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """Bad arguments give one line on stderr, like every other failure (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (more: {self.prog} --help)\n")


def token_volume(text: str) -> float:
    try:
        return parse_token_volume(text)
    except ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def share(text: str) -> float:
    try:
        return parse_share(text)
    except ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


cached_share = share


def as_of_date(text: str) -> dt.date:
    try:
        return parse_day(text)
    except ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def prompt_size(text: str) -> float:
    value = token_volume(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(
            f"{text!r}: a prompt has at least one token (tokens per request, e.g. 10k or 250K)"
        )
    return value


def reasoning_overhead(text: str) -> float:
    try:
        value = parse_number(text.strip().removesuffix("x").removesuffix("×"))
    except ParseError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number; write a multiplier such as 1.5"
        ) from None
    if value < 1.0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is below 1: the overhead multiplies output tokens (1 = no reasoning tokens)"
        )
    if value > 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} is above 1,000,000, the largest overhead")
    return value


def currency_code(text: str) -> str:
    try:
        return parse_currency_code(text)
    except ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def pixel_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of pixels") from None
    if not MIN_SIDE <= value <= MAX_SIDE:
        raise argparse.ArgumentTypeError(f"{text} pixels is outside {MIN_SIDE} to {MAX_SIDE}")
    return value


def build_parser() -> argparse.ArgumentParser:
    data_dir = _Parser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep the store (DIR/models.json) and settings in DIR instead of the user "
        "folders (also: the LLMCOMPARE_DATA_DIR environment variable)",
    )
    parser = _Parser(
        prog="llmcompare-gui",
        description="Compare large language models side by side and see what your monthly "
        "workload costs on each. Without a command, opens the window.",
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="open another window even when one is running on the same store (it opens "
        "read-only); without it, a second launch brings the running window to the front",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    charts = "\n".join(f"  {kind.value:<14} {kind.description}" for kind in ChartKind)
    export = commands.add_parser(
        "export",
        parents=[data_dir],
        help="write a chart as PNG, SVG or PDF, or its numbers as CSV, without a window",
        description="Write a chart, or the numbers behind it, without opening a window.",
        epilog=f"charts:\n{charts}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "--chart",
        required=True,
        metavar="CHART",
        help="one of: " + ", ".join(kind.value for kind in ChartKind),
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        type=Path,
        help="file to write (replaced atomically)",
    )
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, help="default: from the extension of PATH"
    )
    export.add_argument(
        "--input-tokens",
        type=token_volume,
        metavar="N",
        default=DEFAULT_INPUT_TOKENS,
        help="input tokens a month, e.g. 2500000, 2.5e6, 750k, 10M, 2.5B "
        f"(default: {volume_text(DEFAULT_INPUT_TOKENS)})",
    )
    export.add_argument(
        "--output-tokens",
        type=token_volume,
        metavar="N",
        default=DEFAULT_OUTPUT_TOKENS,
        help=f"output tokens a month (default: {volume_text(DEFAULT_OUTPUT_TOKENS)})",
    )
    export.add_argument(
        "--cached-share",
        type=cached_share,
        metavar="F",
        default=0.0,
        help="share of input served from cache: 0.4 or 40%% (default: 0)",
    )
    export.add_argument(
        "--as-of",
        type=as_of_date,
        metavar="YYYY-MM-DD",
        help="price each model with its price point in force on that date: the last one "
        "whose effective date is on or before it (the earliest one for a date before them "
        "all); the price-history chart marks the date (default: each model's current card)",
    )
    export.add_argument(
        "--cache-write-share",
        type=share,
        metavar="F",
        default=0.0,
        help="share of input written to cache: 0.2 or 20%%; with --cached-share at most 1 "
        "(default: 0)",
    )
    export.add_argument(
        "--cache-ttl",
        type=str.lower,
        choices=CACHE_TTLS,
        default="5m",
        help="lifetime of cache writes (default: 5m)",
    )
    export.add_argument(
        "--prompt-tokens",
        type=prompt_size,
        metavar="N",
        default=DEFAULT_PROMPT_TOKENS,
        help="input tokens per request (the prompt size), which picks long-context tiers; "
        f"requests = input tokens / N (default: {volume_text(DEFAULT_PROMPT_TOKENS)})",
    )
    export.add_argument(
        "--service-tier",
        type=str.lower,
        choices=SERVICE_TIERS,
        default="standard",
        help="service tier; a model that does not offer it is priced at standard and noted "
        "(default: standard)",
    )
    export.add_argument(
        "--off-peak-share",
        type=share,
        metavar="F",
        default=0.0,
        help="share of traffic in the models' off-peak hours: 0.3 or 30%% (default: 0)",
    )
    export.add_argument(
        "--reasoning-overhead",
        type=reasoning_overhead,
        metavar="X",
        default=1.0,
        help="output multiplier of models with a reasoning mode: they produce output × (X−1) "
        "reasoning tokens besides the output (default: 1)",
    )
    export.add_argument(
        "--currency",
        type=currency_code,
        metavar="CODE",
        help="show costs in CODE, converted with the store's exchange rates (default: the "
        "store's currency)",
    )
    export.add_argument("--models", metavar="ID,ID,...", help="model ids to include (default: all)")
    export.add_argument(
        "--benchmark",
        metavar="ID",
        help="benchmark for the value chart (default: the first with scores)",
    )
    export.add_argument(
        "--width",
        type=pixel_size,
        default=DEFAULT_WIDTH,
        metavar="PX",
        help=f"picture width in pixels (default: {DEFAULT_WIDTH})",
    )
    export.add_argument(
        "--height",
        type=pixel_size,
        default=DEFAULT_HEIGHT,
        metavar="PX",
        help=f"picture height in pixels (default: {DEFAULT_HEIGHT})",
    )
    export.add_argument("--title", help="chart title (default: describes the scenario)")
    export.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="colours of the picture (default: light)",
    )

    importer = commands.add_parser(
        "import",
        parents=[data_dir],
        help="add or update models from LiteLLM's price file, OpenRouter's models JSON or CSV, "
        "or benchmark results from Aider's leaderboard YAML or a benchmark CSV",
        description="Add or update models in the store from a price file: LiteLLM's "
        "model_prices_and_context_window.json, the JSON of OpenRouter's /api/v1/models, or "
        "CSV with at least the columns id, name, input_per_mtok, output_per_mtok. Models "
        "whose id is already in the store are updated; prices the file does not give are "
        "left as they are. Benchmark files add results to models already in the store: "
        "Aider's leaderboard YAML (aider; runs kept with the model whose name or alias is "
        "the run's model, or whose id or alias is its --model) or a CSV with the columns "
        "model_id,benchmark,score[,unit,date,source_url,reported_by] (benchmark-csv). Runs "
        "and rows that match no model are listed, not added. A backup of the store is kept "
        "before it is saved.",
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument(
        "--format",
        choices=("litellm", "openrouter", "csv", "aider", "benchmark-csv"),
        help="default: guessed from the content",
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="print what would change and write nothing"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    try:
        if args.command == "export":
            return run_export(args, data_dir)
        if args.command == "import":
            return run_import(args, data_dir)
    except UsageError as error:
        parser.exit(EXIT_USAGE, f"llmcompare-gui: error: {error}\n")
    except BrokenPipeError:
        # The reader went away (`... | head`): not an error of ours, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return run_gui(data_dir, new_instance=args.new_instance)


def fail(status: int, message: str) -> int:
    print(f"llmcompare-gui: {message}", file=sys.stderr)
    return status


def run_export(args: argparse.Namespace, data_dir: str | None) -> int:
    from .domain.comparison import Comparison
    from .domain.cost import Scenario, ScenarioError
    from .store.errors import StoreError
    from .store.jsonstore import default_store, load_store
    from .store.paths import resolve_paths

    try:
        kind = ChartKind(args.chart)
    except ValueError:
        raise UsageError(
            f"unknown chart {args.chart!r}; choose from "
            + ", ".join(kind.value for kind in ChartKind)
        ) from None
    out: Path = args.out
    try:
        fmt = export_format(out, args.format)
    except ExportError as error:
        raise UsageError(f"{error} with --format") from None

    path = resolve_paths(data_dir).store_file
    try:
        store = load_store(path) if path.exists() else default_store()
    except StoreError as error:
        return fail(EXIT_STORE, f"cannot read the store: {error}")

    models = store.models
    if args.models:
        wanted = [part.strip() for part in args.models.split(",") if part.strip()]
        unknown = [model_id for model_id in wanted if store.model(model_id) is None]
        if unknown:
            raise UsageError(f"no model with id {', '.join(map(repr, unknown))} in {path}")
        models = [model for model_id in wanted if (model := store.model(model_id))]
    if args.benchmark and args.benchmark not in store.benchmark_ids():
        raise UsageError(f"no benchmark with id {args.benchmark!r} in {path}")

    if args.as_of is not None:
        from .domain.price_points import models_on

        models = models_on(models, args.as_of)
    if args.cached_share + args.cache_write_share > 1.0:
        raise UsageError(
            f"argument --cache-write-share: {args.cache_write_share:g} with --cached-share "
            f"{args.cached_share:g} is more than all the input (their sum must be at most 1)"
        )
    if args.currency is not None and store.rate(args.currency) is None:
        known = sorted(
            {store.currency, *(store.exchange_rates.rates if store.exchange_rates else {})}
        )
        raise UsageError(
            f"argument --currency: the store has no exchange rate for {args.currency} "
            f"(it has: {', '.join(known)})"
        )
    try:
        scenario = Scenario(
            args.input_tokens,
            args.output_tokens,
            args.cached_share,
            reasoning_overhead=args.reasoning_overhead,
            cache_write_share=args.cache_write_share,
            cache_ttl=args.cache_ttl,
            prompt_tokens=args.prompt_tokens,
            service_tier=args.service_tier,
            off_peak_share=args.off_peak_share,
            currency=args.currency,
        )
    except ScenarioError as error:
        raise UsageError(f"argument --{error.field.replace('_', '-')}: {error}") from None
    comparison = Comparison(
        store=store,
        models=models,
        scenario=scenario,
        value_benchmark=args.benchmark,
        as_of=args.as_of,
    )
    if kind in (ChartKind.TASK_COST, ChartKind.TASK_VALUE):
        _name_unpriced_runs(comparison)
    options = ChartOptions(width=args.width, height=args.height, title=args.title, theme=args.theme)
    try:
        write_chart(comparison, kind, out, fmt, options)
    except ExportError as error:
        return fail(EXIT_WRITE_FAILED, f"cannot write {error}")
    return EXIT_OK


def _name_unpriced_runs(comparison: Comparison) -> None:
    costs = comparison.task_costs
    for models, why in (
        (costs.without_tokens, "its best run has no token counts"),
        (costs.without_solved, "its best run solved no task"),
    ):
        for model in models:
            print(f"llmcompare-gui: left out {model.id} ({model.name}): {why}", file=sys.stderr)


def run_import(args: argparse.Namespace, data_dir: str | None) -> int:
    from .domain.importers import ImportFormat, summary_lines
    from .services import import_service
    from .store.errors import StoreError
    from .store.paths import resolve_paths
    from .store.session import StoreSession

    source: Path = args.file
    fmt = ImportFormat(args.format) if args.format else None
    try:
        result = import_service.read_file(source, fmt)
    except import_service.ImportReadError as error:
        return fail(EXIT_IMPORT_FILE, str(error))

    paths = resolve_paths(data_dir)
    try:
        session = StoreSession.open(paths, writable=not args.dry_run)
    except StoreError as error:
        return fail(EXIT_STORE, f"cannot read the store: {error}")
    try:
        if not args.dry_run and session.read_only:
            return fail(EXIT_STORE, f"cannot change {session.path}: {session.read_only_reason}")
        plan = import_service.preview(session.store, result)
        lines = [f"{source} ({result.format.value}) into {session.path}"]
        lines += summary_lines(plan, dry_run=args.dry_run)
        if not args.dry_run:
            # Saved before anything is printed: a reader that goes away (`| head`)
            # must not stop the import it was only watching.
            try:
                saved = import_service.apply(session, plan)
            except StoreError as error:
                return fail(EXIT_STORE, f"nothing imported: {error}")
            if saved:
                lines.append(f"Saved {session.path} (the previous version is kept as a backup)")
        print("\n".join(lines))
        return EXIT_OK
    finally:
        session.close()


def run_gui(data_dir: str | None, *, new_instance: bool = False) -> int:
    from .ui.window.app import run

    return run(data_dir, new_instance=new_instance)
