"""The calculator's "like an Aider run" workload: a run's tokens per task × tasks a month."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import token_volume
from ...domain.model import BenchmarkRun, Model
from ...domain.parsing import parse_token_volume
from ...domain.task_cost import tokens_per_task
from ...domain.tokens import TokenVolumeError

DEFAULT_TASKS = 1000.0


@dataclass(frozen=True)
class RunChoice:
    model_name: str
    run: BenchmarkRun

    @property
    def label(self) -> str:
        run = self.run
        details = ", ".join(part for part in (run.date, run.edit_format) if part)
        return f"{self.model_name}: {run.model or run.run}" + (f" ({details})" if details else "")


def run_choices(models: Sequence[Model]) -> list[RunChoice]:
    """Every run that gives token counts and its number of cases, by model."""
    return [
        RunChoice(model.name, run)
        for model in models
        for run in model.benchmark_runs
        if run.has_tokens and run.test_cases
    ]


class RunWorkloadDialog(QDialog):
    """Pick a run and type how many such tasks a month; the caller applies the volumes."""

    def __init__(self, choices: Sequence[RunChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Workload Like an Aider Run")
        self.setObjectName("runWorkloadDialog")
        self._choices = list(choices)
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("runCombo")
        for choice in self._choices:
            self.run_combo.addItem(choice.label)
        self.tasks_edit = QLineEdit(token_volume(DEFAULT_TASKS))
        self.tasks_edit.setObjectName("tasksEdit")
        self.tasks_edit.setToolTip("Tasks a month, e.g. 500, 2k, 1.5M")
        self.per_task = QLabel()
        self.per_task.setObjectName("tokensPerTask")
        self.per_task.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Run:", self.run_combo)
        form.addRow("Tasks a month:", self.tasks_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.per_task)
        layout.addWidget(self.buttons)
        self.run_combo.currentIndexChanged.connect(self._explain)
        self.tasks_edit.textChanged.connect(self._explain)
        self._explain()

    def chosen(self) -> tuple[BenchmarkRun, float] | None:
        """The run and the number of tasks, or None while the number is not valid."""
        index = self.run_combo.currentIndex()
        if not 0 <= index < len(self._choices):
            return None
        try:
            tasks = parse_token_volume(self.tasks_edit.text())
        except TokenVolumeError:
            return None
        return (self._choices[index].run, tasks) if tasks > 0 else None

    def _explain(self) -> None:
        chosen = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(chosen is not None)
        if chosen is None:
            self.per_task.setText("Type a positive number of tasks (e.g. 500, 2k).")
            return
        run, tasks = chosen
        prompt, completion = tokens_per_task(run)
        self.per_task.setText(
            f"{prompt:,.0f} input and {completion:,.0f} output tokens per task "
            f"({run.test_cases} cases of run {run.run}); × {tasks:,.0f} tasks = "
            f"{token_volume(prompt * tasks)} input and "
            f"{token_volume(completion * tasks)} output tokens a month. "
            "The costs then follow each model's own prices."
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, choices: Sequence[RunChoice]
    ) -> tuple[BenchmarkRun, float] | None:
        dialog = cls(choices, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
