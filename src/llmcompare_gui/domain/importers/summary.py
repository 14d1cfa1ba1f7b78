"""What an import did, or would do, as lines for a terminal or a dialog."""

from __future__ import annotations

from collections.abc import Iterable

from .plan import ImportPlan


def summary_lines(plan: ImportPlan, dry_run: bool, limit: int = 20) -> Iterable[str]:
    """What an import did (or would do), for a terminal or a dialog."""
    verb = "would be " if dry_run else ""
    for label, ids in (("added", plan.added), ("updated", plan.updated)):
        yield f"{len(ids)} {verb}{label}" + (":" if ids else "")
        for model_id in ids[:limit]:
            yield f"  {model_id}"
        if len(ids) > limit:
            yield f"  … and {len(ids) - limit} more"
    yield f"{len(plan.unchanged)} unchanged"
    total = sum(plan.skipped.values())
    yield f"{total} skipped" + (":" if total else "")
    for reason, count in sorted(plan.skipped.items(), key=lambda item: (-item[1], item[0])):
        yield f"  {count} × {reason}"
    for entry in plan.skipped_entries[:limit]:
        yield f"    {entry.id}: {entry.reason}"
    if len(plan.skipped_entries) > limit:
        yield f"    … and {len(plan.skipped_entries) - limit} more"
    if plan.matched:
        yield f"{len(plan.matched)} matched to a model:"
        for key, model_id in plan.matched[:limit]:
            yield f"  {key} → {model_id}"
        if len(plan.matched) > limit:
            yield f"  … and {len(plan.matched) - limit} more"
    if plan.unmatched:
        yield f"{len(plan.unmatched)} matching no model (not imported):"
        for missing in plan.unmatched[:limit]:
            yield f"  {missing.key}: {missing.label}" + (
                f" ({missing.model_id})"
                if missing.model_id and missing.model_id != missing.key
                else ""
            )
        if len(plan.unmatched) > limit:
            yield f"  … and {len(plan.unmatched) - limit} more"
