"""The main window's layout: table, calculator and charts in splitters, menus, status bar.

``QtCore.Qt`` is reached through the module at call time: creating the ``Qt``
namespace costs ~18 ms, which the window's shell does not need before it is
on screen.

This module only lays out; what happens after construction is decided by the
controllers that ``wiring.py`` connects to it and hands over in one :class:`WindowParts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..table.table_view import ModelTableView

if TYPE_CHECKING:  # the window's shell imports Qt only, so that it shows fast
    from ...domain.comparison import ChartKind, Comparison
    from .parts import WindowParts

BANNER_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a; padding: 6px 8px; }"
)
FIRST_RUN_HINT = (
    "Drag the sliders below, or type a figure such as 10M beside them, to set your monthly "
    "workload: every model's cost in the table, the cost list and the charts follows at once. "
    "Your models live in models.json in the data folder (Help → About shows where), saved "
    "as you edit, and every change can be undone with Ctrl+Z."
)
ERROR_STYLE = (
    "QLabel { background: #fdecea; color: #611a15; border: 1px solid #e8a19b; padding: 16px; }"
)


# Shortcut and status-bar tip of each menu action, by object name. The per-column
# check items of View → Columns have tips but no shortcuts: there is one per column.
ACTION_HELP: dict[str, tuple[QKeySequence | QKeySequence.StandardKey | str | None, str]] = {
    "importAction": (None, "Add or update models from a LiteLLM, OpenRouter or CSV price file"),
    "resetAction": (
        "Ctrl+Shift+R",
        "Replace every model with the bundled reference data (a backup is kept)",
    ),
    # Ctrl+Q where the platform's standard Quit key is none (offscreen, some desktops).
    "quitAction": ("Ctrl+Q", "Save and close the window"),
    "addModelAction": (None, "Add a model to the store"),
    "editModelAction": (None, "Edit the selected model's details and prices"),
    "duplicateAction": (None, "Copy the selected models under new ids"),
    "deleteAction": (None, "Remove the selected models from the store"),
    "findAction": (None, "Filter the table by name or vendor"),
    "sourcesAction": ("Ctrl+Alt+S", "Every source of the selected model's figures, linked"),
    "ratesAction": ("Ctrl+Alt+R", "Edit or import the exchange rates costs are converted with"),
    "aboutAction": (
        QKeySequence.StandardKey.HelpContents,
        "Version, licence, data sources and where the data is kept",
    ),
    "theme_system": ("Ctrl+Shift+F1", "Follow the desktop's light or dark colours"),
    "theme_light": ("Ctrl+Shift+F2", "Light colours, whatever the desktop uses"),
    "theme_dark": ("Ctrl+Shift+F3", "Dark colours, whatever the desktop uses"),
}
CHART_TOGGLE_KEYS = (
    "Ctrl+Shift+F5",
    "Ctrl+Shift+F6",
    "Ctrl+Shift+F7",
    "Ctrl+Shift+F8",
    "Ctrl+Shift+F9",
    "Ctrl+Shift+F10",
    "Ctrl+Shift+F11",
    "Ctrl+Shift+F12",
    "Ctrl+Alt+F5",
    "Ctrl+Alt+F6",
    "Ctrl+Alt+F7",
)


def describe_actions(window: QMainWindow) -> None:
    """Give the window's actions their tips, and shortcuts where they have none yet."""
    for action in window.findChildren(QAction):
        help_entry = ACTION_HELP.get(action.objectName())
        if help_entry is None:
            continue
        shortcut, tip = help_entry
        if shortcut is not None and action.shortcut().isEmpty():
            action.setShortcut(shortcut)
        action.setStatusTip(tip)


class MainWindow(QMainWindow):
    closing = Signal()
    """Emitted from closeEvent, before the window closes: save now."""
    changed = Signal(object)
    """A QEvent.Type of a change event (palette, style) worth reacting to."""
    hintDismissed = Signal()
    """The first-run hint's "Got It" was pressed: do not show it again."""

    def __init__(self, *, shell_only: bool = False) -> None:
        """The window; with ``shell_only`` just its frame, until :meth:`build` is called.

        A shell paints as fast as a bare window, so that start-up shows something
        at once; the contents follow right after the first paint.
        """
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("llmcompare-gui")
        self._parts: WindowParts | None = None
        self._built = False
        if not shell_only:
            self.build()

    def build(self) -> None:
        """Create the contents: filter, table, splitters, menus, status bar."""
        if self._built:
            return
        self._built = True
        self.banner = QLabel(self)
        self.banner.setObjectName("storeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(False)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("modelFilter")
        self.filter_edit.setPlaceholderText("Filter by name or vendor (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter models")
        self.filter_count = QLabel(self)
        self.filter_count.setObjectName("modelCount")

        self.table = ModelTableView(self)
        self.table.setObjectName("modelTable")
        self.table.setAccessibleName("Models")
        self.table.setAccessibleDescription(
            "One row per model in the store: prices per million tokens, benchmarks and the "
            "monthly cost of the workload. Tick Compare to chart a model; edit a cell to "
            "change the store."
        )
        self.table.setSortingEnabled(False)  # enabled once the model is set
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab leaves the table for the calculator and the charts; arrows move inside it.
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)

        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.filter_count)
        table_layout.addLayout(filter_row)
        table_layout.addWidget(self.table, 1)

        self.bottom_splitter = QSplitter(QtCore.Qt.Orientation.Horizontal, self)
        self.bottom_splitter.setObjectName("bottomSplitter")
        self.bottom_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(QtCore.Qt.Orientation.Vertical, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.addWidget(table_box)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)

        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self._build_hint())
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.save_state_label = QLabel(self)
        self.save_state_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_state_label)

        self._build_actions()
        self._build_menus()

    def _build_hint(self) -> QFrame:
        self.hint = QFrame(self)
        self.hint.setObjectName("firstRunHint")
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint.setAutoFillBackground(True)
        self.hint.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        text = QLabel(FIRST_RUN_HINT, self.hint)
        text.setObjectName("firstRunHintText")
        text.setWordWrap(True)
        dismiss = QPushButton("&Got It", self.hint)
        dismiss.setObjectName("dismissHint")
        dismiss.setToolTip("Hide this hint for good")
        dismiss.clicked.connect(self._dismiss_hint)
        row = QHBoxLayout(self.hint)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(text, 1)
        row.addWidget(dismiss, 0, QtCore.Qt.AlignmentFlag.AlignVCenter)
        self.hint.setVisible(False)
        return self.hint

    def show_first_run_hint(self) -> None:
        self.hint.setVisible(True)

    def _dismiss_hint(self) -> None:
        self.hint.setVisible(False)
        self.hintDismissed.emit()

    # -- the parts others provide ----------------------------------------------------

    def attach(self, parts: WindowParts) -> None:
        """The parts wired to this window once a store is open (by ``wiring.wire``)."""
        self._parts = parts

    @property
    def has_store(self) -> bool:
        """Whether a store is open in this window (False on the error page)."""
        return self._parts is not None

    @property
    def parts(self) -> WindowParts:
        """The store's session, table, calculator, charts, undo stack and controllers."""
        if self._parts is None:
            raise RuntimeError("no store is open in this window")
        return self._parts

    def set_calculator(self, calculator: QWidget) -> None:
        self.bottom_splitter.insertWidget(0, calculator)
        self.bottom_splitter.setStretchFactor(0, 0)

    def set_chart_panel(self, panel: QWidget) -> None:
        self.bottom_splitter.addWidget(panel)
        self.bottom_splitter.setStretchFactor(self.bottom_splitter.count() - 1, 1)

    def add_chart_actions(self, charts: Sequence[tuple[ChartKind, str, str]]) -> None:
        """View → Charts: one checkable action per (key, title, name) chart."""
        for key, title, name in charts:
            action = self._action(title, f"showChart_{name}")
            if len(self.chart_actions) < len(CHART_TOGGLE_KEYS):
                action.setShortcut(CHART_TOGGLE_KEYS[len(self.chart_actions)])
            action.setStatusTip(f"Show or hide the {title} chart tab")
            action.setCheckable(True)
            action.setChecked(True)
            self.chart_actions[key] = action
            self.charts_menu.addAction(action)

    def current_comparison(self) -> Comparison:
        """The compared models under the current scenario, as the charts show them."""
        return self.parts.costs.current_comparison()

    def add_export_actions(self, actions: list[QAction]) -> None:
        """Where File → Export… items go (wired by the export controller)."""
        for action in actions:
            self.export_menu.addAction(action)
        self.export_menu.setEnabled(bool(self.export_menu.actions()))

    # -- actions and menus --------------------------------------------------------

    def _action(
        self,
        text: str,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_actions(self) -> None:
        self.reset_action = self._action("&Reset to Defaults…", "resetAction")
        self.quit_action = self._action("&Quit", "quitAction", QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.add_action = self._action("&Add Model…", "addModelAction", "Ctrl+N")
        # Ctrl+E is Export Chart… (File → Export).
        self.edit_action = self._action("&Edit Model…", "editModelAction", "Ctrl+Shift+E")
        self.import_action = self._action("&Import Models…", "importAction", "Ctrl+I")
        self.duplicate_action = self._action("D&uplicate", "duplicateAction", "Ctrl+D")
        self.delete_action = self._action(
            "&Delete", "deleteAction", QKeySequence.StandardKey.Delete
        )
        self.delete_action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.find_action = self._action("&Find", "findAction", QKeySequence.StandardKey.Find)
        self.sources_action = self._action("&Sources…", "sourcesAction")
        self.rates_action = self._action("E&xchange Rates…", "ratesAction")
        self.about_action = self._action("&About llmcompare-gui", "aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = self._action(text, f"theme_{key}")
            action.setCheckable(True)
            action.setData(key)
            self.theme_group.addAction(action)
            self.theme_actions[key] = action
        self.chart_actions: dict[ChartKind, QAction] = {}
        describe_actions(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.file_menu = file_menu
        file_menu.addAction(self.import_action)
        self.export_menu = file_menu.addMenu("&Export")
        self.export_menu.setObjectName("exportMenu")
        self.export_menu.setEnabled(False)
        file_menu.addSeparator()
        file_menu.addAction(self.reset_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addSeparator()
        for action in (self.add_action, self.edit_action, self.duplicate_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addAction(self.delete_action)
        self.edit_menu.addAction(self.sources_action)
        self.edit_menu.addAction(self.rates_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        view_menu = bar.addMenu("&View")
        self.charts_menu = view_menu.addMenu("&Charts")
        self.columns_menu = QMenu("C&olumns", self)
        self.columns_menu.setObjectName("columnsMenu")
        view_menu.addMenu(self.columns_menu)
        theme_menu = view_menu.addMenu("&Theme")
        for action in self.theme_actions.values():
            theme_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def set_undo_actions(self, undo: QAction, redo: QAction) -> None:
        undo.setObjectName("undoAction")
        redo.setObjectName("redoAction")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        undo.setStatusTip("Undo the last change to the models")
        redo.setStatusTip("Redo the change last undone")
        self.undo_action = undo
        self.redo_action = redo
        first = self.edit_menu.actions()[0]
        self.edit_menu.insertAction(first, undo)
        self.edit_menu.insertAction(first, redo)
        self.addAction(undo)
        self.addAction(redo)

    # -- states ---------------------------------------------------------------------------

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    def store_actions(self) -> list[QAction]:
        """The actions that need an open store (disabled while none is)."""
        return [
            self.import_action,
            self.reset_action,
            self.add_action,
            self.edit_action,
            self.duplicate_action,
            self.delete_action,
            self.find_action,
        ]

    def set_read_only(self, why: str) -> None:
        """Switch off every action that writes the store, each saying why."""
        for action in (
            self.import_action,
            self.reset_action,
            self.add_action,
            self.edit_action,
            self.duplicate_action,
            self.delete_action,
        ):
            action.setEnabled(False)
            action.setToolTip(why)
            action.setStatusTip(why)
        # The window's other actions keep working; disabled ones show why on hover.
        for menu in (self.file_menu, self.edit_menu):
            menu.setToolTipsVisible(True)

    def show_store_error(self, text: str) -> None:
        """Replace the contents by why the store cannot be used, and the ways out."""
        page = QWidget(self)
        page.setObjectName("storeErrorPage")
        layout = QVBoxLayout(page)
        message = QLabel(text, page)
        message.setObjectName("storeError")
        message.setWordWrap(True)
        message.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        message.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(message, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_backup_button = QPushButton("Open the &last backup…", page)
        self.open_backup_button.setObjectName("openBackupButton")
        self.start_fresh_button = QPushButton(
            "&Start from the bundled data (the broken file is kept aside)…", page
        )
        self.start_fresh_button.setObjectName("startFreshButton")
        buttons.addWidget(self.open_backup_button)
        buttons.addWidget(self.start_fresh_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # Kept (not deleted, hidden inside the window) to show the store once it opens.
        self._contents = self.takeCentralWidget()
        if self._contents is not None:
            self._contents.hide()
            self._contents.setParent(self)
        self.setCentralWidget(page)
        for action in self.store_actions():
            action.setEnabled(False)
        for menu in (self.export_menu, self.columns_menu, self.charts_menu):
            menu.setEnabled(False)

    def show_contents(self) -> None:
        """Back from the error page to the table, calculator and charts (a store opened)."""
        contents = getattr(self, "_contents", None)
        if contents is None:
            return
        self._contents = None
        self.setCentralWidget(contents)
        contents.show()
        for action in (self.import_action, self.reset_action, self.add_action, self.find_action):
            action.setEnabled(True)
        for menu in (self.columns_menu, self.charts_menu):
            menu.setEnabled(True)

    def set_save_state(self, text: str) -> None:
        self.save_state_label.setText(text)
        self.save_state_label.setToolTip(text)

    # -- events -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Unsaved changes that cannot be saved: the user decides, and may keep the window open.
        if self._parts is not None and not self._parts.lifetime.may_close():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        assert isinstance(event, QEvent)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.changed.emit(event.type())
        super().changeEvent(event)
