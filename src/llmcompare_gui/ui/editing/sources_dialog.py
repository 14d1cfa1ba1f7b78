"""The Sources dialog: every source a model's figures cite, with what each backs, linked."""

from __future__ import annotations

import html
from collections.abc import Iterator
from urllib.parse import urlparse

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...domain.model import Model, Source

SAFE_SCHEMES = frozenset({"http", "https"})


def is_followable(url: str | None) -> bool:
    """Only web addresses become links: a file: or javascript: URL stays plain text."""
    if not url:
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme.lower() in SAFE_SCHEMES and bool(parsed.netloc)


def cited_sources(model: Model) -> list[tuple[Source, list[str]]]:
    """Each distinct source of ``model`` (by title and URL), with the figures it backs."""
    found: dict[tuple[str, str], tuple[Source, list[str]]] = {}
    for what, source in _walk(model):
        key = (source.title, source.url or "")
        entry = found.setdefault(key, (source, []))
        if what not in entry[1]:
            entry[1].append(what)
    return list(found.values())


def _walk(model: Model) -> Iterator[tuple[str, Source]]:
    pricing = model.pricing
    if pricing.source:
        yield "current prices", pricing.source
    if pricing.cached_input_source:
        yield "cached-input price", pricing.cached_input_source
    for point in pricing.history:
        if point.source:
            label = f" ({point.label})" if point.label else ""
            yield f"prices from {point.effective or 'an undated point'}{label}", point.source
    arch = model.architecture
    if arch is not None:
        for what, quantity in (
            ("total parameters", arch.total_params_b),
            ("active parameters", arch.active_params_b),
            ("context window", arch.context_window),
        ):
            if quantity is not None and quantity.source:
                yield what, quantity.source
        if arch.attention_source:
            yield (
                "attention (inferred)" if arch.attention_inferred else "attention",
                (arch.attention_source),
            )
        if arch.source:
            yield "architecture", arch.source
    for mode in model.modes:
        if mode.source:
            yield f"mode {mode.name}", mode.source
    if model.positioning is not None and model.positioning.source:
        yield "positioning", model.positioning.source
    for bench_id, result in model.benchmarks.items():
        if result.source:
            yield f"benchmark {bench_id}", result.source
    for source in model.sources:
        yield "the model", source


def sources_html(model: Model) -> str:
    """The list as HTML: titles linked where the URL is http(s); all data text escaped."""
    items = []
    for source, backs in cited_sources(model):
        title = html.escape(source.title)
        if is_followable(source.url):
            url = html.escape(source.url or "", quote=True)
            head = f'<a href="{url}">{title}</a><br><small>{html.escape(source.url or "")}</small>'
        elif source.url:
            head = f"{title}<br><small>{html.escape(source.url)} (not a web address)</small>"
        else:
            head = title
        details = [
            part
            for part in (
                source.publisher,
                f"published {source.published}" if source.published else None,
                f"retrieved {source.retrieved}" if source.retrieved else None,
            )
            if part
        ]
        body = f"<br>{html.escape(' · '.join(details))}" if details else ""
        note = f"<br><i>{html.escape(source.note)}</i>" if source.note else ""
        backs_text = html.escape(", ".join(backs))
        items.append(f"<li><b>{head}</b>{body}<br>For: {backs_text}{note}</li>")
    if not items:
        return f"<p>{html.escape(model.name)} cites no sources.</p>"
    return f"<h3>{html.escape(model.name)}</h3><ul>{''.join(items)}</ul>"


class SourcesDialog(QDialog):
    def __init__(self, model: Model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(f"Sources — {model.name}")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("sourcesBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(sources_html(model))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
