"""The model form's General tab: id, name, vendor, release, licence and positioning."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from ...domain.parsing import DATE_HINT, parse_store_date
from ...domain.validation import Location
from .form_fields import Data, Line, make_combo, make_line, put_combo

OPEN_WEIGHTS = (("unknown", None), ("yes", True), ("no", False))


def _sub(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


class GeneralTab(QWidget):
    """Who the model is: its id and name, vendor, family, release, licence, positioning."""

    def __init__(self, base: Data, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.id = make_line(
            self,
            "idEdit",
            "Id",
            base.get("id", ""),
            ("id",),
            placeholder="e.g. kimi-k2",
            tooltip="Unique key of the model in the store, used by the command line.",
        )
        self.name = make_line(
            self, "nameEdit", "Name", base.get("name", ""), ("name",), placeholder="Kimi K2"
        )
        self._vendor = make_line(
            self, "vendorEdit", "Vendor", base.get("vendor") or "", ("vendor",)
        )
        self._family = make_line(
            self, "familyEdit", "Family", base.get("family") or "", ("family",)
        )
        self._release = make_line(
            self,
            "releaseEdit",
            "Release",
            base.get("release") or "",
            ("release",),
            parse_store_date,
            placeholder=DATE_HINT,
        )
        self._license = make_line(
            self, "licenseEdit", "Licence", base.get("license") or "", ("license",)
        )
        self._open_weights = make_combo(
            self, "openWeightsCombo", OPEN_WEIGHTS, base.get("open_weights")
        )
        form = QFormLayout()
        form.addRow("&Id:", self.id.widget)
        form.addRow("&Name:", self.name.widget)
        form.addRow("&Vendor:", self._vendor.widget)
        form.addRow("&Family:", self._family.widget)
        form.addRow("&Release:", self._release.widget)
        form.addRow("&Licence:", self._license.widget)
        form.addRow("Open &weights:", self._open_weights)

        positioning = _sub(base, "positioning")
        group = QGroupBox("Positioning", self)
        group_form = QFormLayout(group)
        self._focus = make_line(
            self,
            "primaryFocusEdit",
            "Primary focus",
            positioning.get("primary_focus") or "",
            ("positioning", "primary_focus"),
        )
        self._capability = make_line(
            self,
            "keyCapabilityEdit",
            "Key capability",
            positioning.get("key_capability") or "",
            ("positioning", "key_capability"),
        )
        self._use_case = make_line(
            self,
            "targetUseCaseEdit",
            "Target use case",
            positioning.get("target_use_case") or "",
            ("positioning", "target_use_case"),
        )
        group_form.addRow("Primary f&ocus:", self._focus.widget)
        group_form.addRow("Key &capability:", self._capability.widget)
        group_form.addRow("&Target use case:", self._use_case.widget)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addStretch(1)

    def _lines(self) -> list[Line]:
        return [
            self.id,
            self.name,
            self._vendor,
            self._family,
            self._release,
            self._license,
            self._focus,
            self._capability,
            self._use_case,
        ]

    def add_edit(self, edit: dict[str, Any]) -> None:
        top: Data = {}
        self.id.put(top, "id", required=True)
        self.name.put(top, "name", required=True)
        for line, key in (
            (self._vendor, "vendor"),
            (self._family, "family"),
            (self._release, "release"),
            (self._license, "license"),
        ):
            line.put(top, key)
        put_combo(self._open_weights, top, "open_weights")
        positioning: Data = {}
        self._focus.put(positioning, "primary_focus")
        self._capability.put(positioning, "key_capability")
        self._use_case.put(positioning, "target_use_case")
        edit.setdefault("top", {}).update(top)
        edit["positioning"] = positioning

    def targets(self) -> dict[Location, QWidget]:
        found: dict[Location, QWidget] = {line.loc: line.widget for line in self._lines()}
        found[("open_weights",)] = self._open_weights
        return found
