"""The add / edit model dialog: six tabs of fields, validated on OK into a Model.

Each tab reports only what the user changed (see ``form_fields``); the model is
made from the original and those changes by the pure
:func:`~llmcompare_gui.domain.model_edit.merge_model`, so editing never loses
what the form does not show. A problem is shown under the tabs and the widget it
is about gets the focus, found by where in the model the problem is (its ``loc``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Model, Store
from ...domain.model_edit import EditError, ModelEdit, merge_model
from ...domain.validation import Location
from .form_architecture import ArchitectureTab
from .form_benchmarks import BenchmarksTab
from .form_fields import FormPart
from .form_general import GeneralTab
from .form_pricing import PricingTab, price_parser
from .form_sources import SourcesTab
from .form_tiers import TiersTab


class ModelFormDialog(QDialog):
    """Add a model to ``store``, or edit ``model`` (one of the store's) keeping what it holds."""

    def __init__(
        self, store: Store, model: Model | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelFormDialog")
        self._store = store
        self._original = model
        base = model.model_dump(exclude_unset=True) if model is not None else {}
        self._accepted: Model | None = None
        self.setWindowTitle(f"Edit {model.name}" if model is not None else "Add a model")
        self.setMinimumSize(620, 540)
        self.setSizeGripEnabled(True)

        self._general = GeneralTab(base, self)
        self._pricing = PricingTab(base, store.currency, self)
        self._tiers = TiersTab(base, price_parser(self._pricing.currency), self)
        self._parts: list[FormPart] = [
            self._general,
            ArchitectureTab(base, self),
            self._pricing,
            self._tiers,
            BenchmarksTab(base, store, self),
            SourcesTab(base, self),
        ]
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("modelFormTabs")
        titles = (
            "&General",
            "&Architecture && modes",
            "&Pricing",
            "&Tiers && off-peak",
            "&Benchmarks",
            "&Sources && notes",
        )
        for part, title in zip(self._parts, titles, strict=True):
            assert isinstance(part, QWidget)
            self._tabs.addTab(part, title)

        self._error = QLabel(self)
        self._error.setObjectName("formError")
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #d32f2f;")
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        (self._general.id if model is None else self._general.name).widget.setFocus()

        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._error)
        layout.addWidget(buttons)

    # --- the result ---------------------------------------------------------------------

    def edit(self) -> ModelEdit:
        """What the user changed, read from every tab; EditError names a field it cannot read."""
        parts: dict[str, Any] = {}
        for part in self._parts:
            part.add_edit(parts)
        return ModelEdit(**parts)

    def result_model(self) -> Model:
        """The model the form describes; raises EditError (a ValueError) naming the field."""
        return merge_model(
            self._original,
            self.edit(),
            taken_ids=[model.id for model in self._store.models],
        )

    def price_warning(self) -> str:
        """The note shown when cached input would cost more than input; empty when none."""
        return self._pricing.price_warning()

    def edit_service_tier_tiers(self, name: str) -> QDialog:
        """Open (not blocking) the editor of a service tier's own long-context tiers."""
        return self._tiers.edit_service_tier_tiers(name)

    # --- dialog -------------------------------------------------------------------------

    def accept(self) -> None:
        """Close only with a valid model; otherwise say what is wrong and stay open."""
        try:
            self._accepted = self.result_model()
        except EditError as error:
            self.show_error(str(error), error.loc)
            return
        self._error.setVisible(False)
        super().accept()

    def show_error(self, message: str, loc: Location = ()) -> None:
        """Show ``message`` and focus the widget that shows ``loc`` (the nearest enclosing one)."""
        self._error.setText(message)
        self._error.setVisible(True)
        targets: dict[Location, tuple[QWidget, QWidget]] = {
            where: (widget, part)
            for part in self._parts
            if isinstance(part, QWidget)
            for where, widget in part.targets().items()
        }
        for length in range(len(loc), 0, -1):
            found = targets.get(loc[:length])
            if found is not None:
                widget, page = found
                self._tabs.setCurrentWidget(page)
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return

    def error_text(self) -> str:
        return self._error.text() if self._error.isVisibleTo(self) else ""

    def accepted_model(self) -> Model | None:
        return self._accepted

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, model: Model | None = None) -> Model | None:
        """Show the form modally; the validated model on OK, None on Cancel."""
        dialog = cls(store, model, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.accepted_model()
            return None
        finally:
            dialog.deleteLater()
