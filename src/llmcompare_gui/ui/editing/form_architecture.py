"""The model form's Architecture & modes tab: kind, attention, sizes, context window, modes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHeaderView, QVBoxLayout, QWidget

from ...domain.limits import MAX_PARAMS_B
from ...domain.model_edit import RowEdit
from ...domain.parsing import parse_number, parse_token_volume
from ...domain.validation import Location
from .form_fields import (
    INITIAL_ROLE,
    Data,
    blank,
    checked,
    item,
    list_table,
    make_combo,
    make_line,
    number_text,
    parse_text,
    put_cell,
    put_combo,
    row_buttons,
    row_edit,
    volume_text,
)

KINDS = (("unknown", None), ("MoE (Mixture of Experts)", "moe"), ("dense", "dense"))


def _sub(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _quantity(arch: Data, key: str) -> object:
    return _sub(arch, key).get("value")


def _parameters(text: str, field: str) -> float:
    return parse_number(text, field, positive=True, maximum=MAX_PARAMS_B)


def _context_window(text: str, field: str) -> float:
    return parse_token_volume(text, field, positive=True)


class ArchitectureTab(QWidget):
    """How the model is built (kind, attention, sizes, context window) and its modes."""

    def __init__(self, base: Data, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        arch = _sub(base, "architecture")
        self._kind = make_combo(self, "kindCombo", KINDS, arch.get("kind"))
        self._attention = make_line(
            self,
            "attentionEdit",
            "Attention",
            arch.get("attention") or "",
            ("architecture", "attention"),
            placeholder="e.g. MLA (Multi-head Latent Attention)",
        )
        self._total = make_line(
            self,
            "totalParamsEdit",
            "Total parameters",
            number_text(_quantity(arch, "total_params_b")),
            ("architecture", "total_params_b"),
            _parameters,
            placeholder="billions, e.g. 671",
        )
        self._active = make_line(
            self,
            "activeParamsEdit",
            "Active parameters",
            number_text(_quantity(arch, "active_params_b")),
            ("architecture", "active_params_b"),
            _parameters,
            placeholder="billions, e.g. 37",
        )
        self._context = make_line(
            self,
            "contextWindowEdit",
            "Context window",
            volume_text(_quantity(arch, "context_window")),
            ("architecture", "context_window"),
            _context_window,
            placeholder="tokens, e.g. 128K or 131072",
            tooltip="Tokens: a number (131072) or with a suffix K, M (128K, 1M).",
        )
        self._notes = make_line(
            self,
            "architectureNotesEdit",
            "Architecture notes",
            arch.get("notes") or "",
            ("architecture", "notes"),
        )
        for line, key in ((self._total, "total_params_b"), (self._context, "context_window")):
            note = _sub(arch, key).get("note")
            if note:
                line.widget.setToolTip(f"Note kept with this figure: {note}")
        form = QFormLayout()
        form.addRow("&Kind:", self._kind)
        form.addRow("A&ttention:", self._attention.widget)
        form.addRow("T&otal parameters (B):", self._total.widget)
        form.addRow("A&ctive parameters (B):", self._active.widget)
        form.addRow("Conte&xt window (tokens):", self._context.widget)
        form.addRow("&Notes:", self._notes.widget)

        group = QGroupBox("Modes", self)
        self._modes = list_table(
            self,
            "modesTable",
            ["Name", "Reasoning", "Description"],
            [
                [m.get("name", ""), bool(m.get("reasoning", False)), m.get("description") or ""]
                for m in base.get("modes") or []
            ],
            stretch=2,
            check_columns=(1,),
        )
        self._modes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._modes.setColumnWidth(0, 130)
        self._modes.setToolTip(
            "Operating modes, e.g. thinking / non-thinking. Tick Reasoning for a mode that "
            "spends extra output tokens on thinking (the calculator's reasoning overhead)."
        )
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self._modes)
        group_layout.addLayout(row_buttons(self._modes, "mode", self, (1,)))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)

    def add_edit(self, edit: dict[str, Any]) -> None:
        architecture: Data = {}
        put_combo(self._kind, architecture, "kind")
        self._attention.put(architecture, "attention")
        quantities: Data = {}
        self._total.put(quantities, "total_params_b")
        self._active.put(quantities, "active_params_b")
        self._context.put(quantities, "context_window")
        self._notes.put(architecture, "notes")
        edit["architecture"] = architecture
        edit["quantities"] = quantities
        edit["modes"] = self._mode_rows()

    def _mode_rows(self) -> list[RowEdit]:
        rows = []
        table = self._modes
        for row in range(table.rowCount()):
            reasoning = checked(table, row, 1)
            if blank(table, row) and not reasoning:
                continue  # a blank row: left out
            changes: Data = {}
            put_cell(changes, table, (row, 0), "name", parse_text, "", ("modes",))
            if reasoning != item(table, row, 1).data(INITIAL_ROLE):
                changes["reasoning"] = reasoning
            put_cell(changes, table, (row, 2), "description", parse_text, "", ("modes",))
            rows.append(row_edit(table, row, changes))
        return rows

    def targets(self) -> dict[Location, QWidget]:
        return {
            ("architecture", "kind"): self._kind,
            **{
                line.loc: line.widget
                for line in (self._attention, self._total, self._active, self._context, self._notes)
            },
            ("modes",): self._modes,
        }
