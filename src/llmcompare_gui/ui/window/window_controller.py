"""The window's own state: columns, filter, theme, charts shown, sizes; reset and about."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from ...domain.comparison import ChartKind
from ...domain.table_columns import CARD_COLUMNS, COMPARE, COST, NAME, empty_card_columns
from ...store.paths import AppPaths
from ..table.proxy import ModelFilterProxy
from ..table.table_model import ModelTableModel
from .about_dialog import AboutDialog
from .chart_panel import ChartPanel
from .main_window import MainWindow
from .settings import WindowSettings
from .theme import dark_palette, light_palette

DEFAULT_HIDDEN = frozenset({"licence"})
ALWAYS_SHOWN = frozenset({COMPARE, NAME, COST})
"""Columns the Columns menu cannot hide: Compare drives the calculator and the charts."""
HINT_KEY = "hints/first_run"


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_PALETTE_SET = "llmcompare_palette_set"
"""Application property: an explicit light or dark palette is in force."""


def apply_theme(key: str) -> None:
    """Light, dark, or the system's scheme ("system"), for the whole application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if key == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
        app.setProperty(_PALETTE_SET, True)
    elif key == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(light_palette())
        app.setProperty(_PALETTE_SET, True)
    elif app.property(_PALETTE_SET):
        hints.unsetColorScheme()
        app.setPalette(QPalette())
        app.setProperty(_PALETTE_SET, False)


def show_about(
    parent: QWidget, paths: AppPaths, sources: Sequence[tuple[str, str | None]] = ()
) -> None:
    """Show Help → About (not modal), also where no store could be opened."""
    dialog = AboutDialog(parent, paths.data_dir, paths.store_file, sources)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


class WindowController(QObject):
    """The window's own state (columns, filter, theme, charts shown, sizes) and its dialogs."""

    resetConfirmed = Signal()
    """The user confirmed File → Reset to Defaults: replace the store."""

    def __init__(
        self,
        window: MainWindow,
        table: ModelTableModel,
        proxy: ModelFilterProxy,
        charts: ChartPanel,
        settings: WindowSettings,
        paths: AppPaths,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._table = table
        self._proxy = proxy
        self._charts = charts
        self._settings = settings
        self._paths = paths
        self._column_actions: dict[str, QAction] = {}

        window.filter_edit.textChanged.connect(self.set_filter)
        window.find_action.triggered.connect(self.focus_filter)
        window.about_action.triggered.connect(self.about)
        window.quit_action.triggered.connect(window.close)
        window.reset_action.triggered.connect(self.confirm_reset)
        header = window.table.horizontalHeader()
        header.customContextMenuRequested.connect(self._header_menu)
        self._rebuilt = False
        table.modelReset.connect(self._rebuild_columns)
        table.modelReset.connect(self._note_rebuild)
        # After the costs and the filter followed the change (their slots were connected first).
        table.modelsChanged.connect(self._after_models_changed)
        table.rowsInserted.connect(self._update_count)
        table.rowsRemoved.connect(self._update_count)
        for kind, action in window.chart_actions.items():
            action.toggled.connect(lambda on, k=kind: self._show_chart(k, on))
        window.theme_group.triggered.connect(lambda action: self.set_theme(action.data()))
        window.changed.connect(lambda _type: self.follow_palette())
        window.hintDismissed.connect(lambda: self._settings.set_text(HINT_KEY, "dismissed"))
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self.follow_palette())
        self._rebuild_columns()
        self._update_count()

    # -- filter ---------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        self._proxy.set_filter_text(text)
        self._update_count()

    def focus_filter(self) -> None:
        self._window.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._window.filter_edit.selectAll()

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._table.rowCount()
        text = f"{total} models" if shown == total else f"{shown} of {total} models"
        self._window.filter_count.setText(text)

    # -- after the model list is rebuilt (import, its undo, reset) -----------------------

    def _note_rebuild(self) -> None:
        self._rebuilt = True

    def _after_models_changed(self) -> None:
        if self._rebuilt:
            self._rebuilt = False
            self.reapply_sort()
        self._follow_empty_card_columns()
        self._update_count()

    def reapply_sort(self) -> None:
        """Sort the rebuilt rows as the header says (by column key: columns may have moved)."""
        sorted_by = self._table.sorted_by
        header = self._window.table.horizontalHeader()
        if sorted_by is None or sorted_by[0] not in {c.key for c in self._table.columns}:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        key, order = sorted_by
        column = self._table.column_of(key)
        header.setSortIndicator(column, order)
        self._proxy.sort(column, order)

    # -- columns --------------------------------------------------------------------

    def _rebuild_columns(self) -> None:
        menu = self._window.columns_menu
        menu.clear()
        self._column_actions = {}
        hidden = self._settings.hidden_columns()
        if hidden is None:
            hidden = set(DEFAULT_HIDDEN)
        # The richer card's columns stay out of the way while the store leaves them
        # empty, unless the user chose to see them. The saved hidden set also holds
        # card columns hidden only for being empty, so a card column counts as the
        # user's choice only where the user turned it off.
        hidden -= set(CARD_COLUMNS)
        hidden |= self._settings.hidden_card_columns()
        hidden |= empty_card_columns(self._table.store) - self._settings.shown_columns()
        view = self._window.table
        for column, spec in enumerate(self._table.columns):
            action = QAction(spec.header, menu)
            action.setObjectName(f"column_{spec.key}")
            action.setStatusTip(f"Show or hide the {spec.header} column")
            action.setCheckable(True)
            always = spec.key in ALWAYS_SHOWN
            action.setChecked(always or spec.key not in hidden)
            action.setEnabled(not always)
            if always:
                action.setToolTip("Always shown")
            action.toggled.connect(lambda on, c=column: self._set_column_visible(c, on))
            menu.addAction(action)
            self._column_actions[spec.key] = action
            view.setColumnHidden(column, spec.key in hidden and not always)
        self._update_count()

    def _follow_empty_card_columns(self) -> None:
        """Show or hide the card columns the user left alone as the store now fills them."""
        chosen = self._settings.shown_columns() | self._settings.hidden_card_columns()
        empty = empty_card_columns(self._table.store)
        view = self._window.table
        for key in set(CARD_COLUMNS) - chosen:
            action = self._column_actions.get(key)
            if action is None:
                continue
            visible = key not in empty
            if action.isChecked() == visible:
                continue
            view.setColumnHidden(self._table.column_of(key), not visible)
            with QSignalBlocker(action):  # not the user's choice: nothing to remember
                action.setChecked(visible)

    def _set_column_visible(self, column: int, visible: bool) -> None:
        self._window.table.setColumnHidden(column, not visible)
        key = self._table.columns[column].key
        if key in CARD_COLUMNS:
            shown = self._settings.shown_columns()
            turned_off = self._settings.hidden_card_columns()
            (shown.add if visible else shown.discard)(key)
            (turned_off.discard if visible else turned_off.add)(key)
            self._settings.set_shown_columns(shown)
            self._settings.set_hidden_card_columns(turned_off)
        self._settings.set_hidden_columns(
            {
                spec.key
                for index, spec in enumerate(self._table.columns)
                if self._window.table.isColumnHidden(index)
            }
        )

    def header_menu(self) -> QMenu:
        """The header's context menu: a check item per column."""
        menu = QMenu(self._window)
        menu.setObjectName("headerMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self._column_actions.values():
            menu.addAction(action)
        return menu

    def _header_menu(self, position: QPoint) -> None:
        self.header_menu().popup(self._window.table.horizontalHeader().mapToGlobal(position))

    # -- charts and theme --------------------------------------------------------------

    def _show_chart(self, kind: ChartKind, visible: bool) -> None:
        self._charts.set_kind_visible(kind, visible)
        hidden = [k.value for k, a in self._window.chart_actions.items() if not a.isChecked()]
        self._settings.set_text("charts/hidden", ",".join(hidden))

    def restore(self) -> None:
        """Sizes, columns, charts and theme as they were at the last close."""
        window = self._window
        geometry = self._settings.geometry()
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            window.resize(1280, 800)
        for name, splitter in (
            ("main", window.main_splitter),
            ("bottom", window.bottom_splitter),
        ):
            sizes = self._settings.splitter_sizes(name)
            if sizes and len(sizes) == splitter.count():
                splitter.setSizes(sizes)
            elif name == "main":
                splitter.setSizes([215, 535])
            else:
                splitter.setSizes([470, 810])
        hidden = (self._settings.text("charts/hidden") or "").split(",")
        for kind, action in window.chart_actions.items():
            action.setChecked(kind.value not in hidden)
        current = self._settings.text("charts/current")
        if current in {k.value for k in ChartKind}:
            self._charts.set_current_kind(ChartKind(current))
        if self._settings.text(HINT_KEY) != "dismissed":
            window.show_first_run_hint()
        theme = self._settings.text("view/theme") or "system"
        self.set_theme(theme if theme in window.theme_actions else "system")

    def remember(self) -> None:
        window = self._window
        self._settings.set_geometry(window.saveGeometry())
        self._settings.set_splitter_sizes("main", window.main_splitter.sizes())
        self._settings.set_splitter_sizes("bottom", window.bottom_splitter.sizes())
        self._settings.set_text("charts/current", self._charts.current_kind().value)

    def set_theme(self, key: str) -> None:
        """Light, dark, or the system's scheme ("system"), for the window and the charts."""
        self._window.theme_actions[key].setChecked(True)
        self._settings.set_text("view/theme", key)
        apply_theme(key)
        self.follow_palette()

    def follow_palette(self) -> None:
        """Charts in the colours of the window's palette (light or dark)."""
        # The application's palette: the window's own follows it only later.
        self._charts.set_dark(palette_is_dark(QApplication.palette()))

    # -- dialogs ------------------------------------------------------------------------

    def about(self) -> None:
        """Show Help → About (not modal)."""
        sources = [
            (source.title, source.url)
            for model in self._table.store.models
            for source in model.sources
        ]
        show_about(self._window, self._paths, sources)

    def confirm_reset(self) -> None:
        answer = QMessageBox.question(
            self._window,
            "Reset to defaults",
            "Replace every model in the store with the bundled reference data?\n\n"
            f"A copy of the current store is kept in {self._paths.data_dir / 'backups'}.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Reset:
            self.resetConfirmed.emit()
