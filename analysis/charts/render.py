"""Offline, deterministic output of charts: the notebook renderer and file export.

Notebooks are executed by papermill and compared by nbval, so an output must be identical on every
run and must not need the network: SVG from vl-convert for static viewers (nbconvert, GitHub), the
spec under the Vega-Lite 5 mimetype so JupyterLab draws it interactively, and a one-line text/plain.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import altair as alt
import vl_convert as vlc

from ..files import write_atomic
from . import theme

RENDERER = "conflict_desk"
VL_VERSION = "v" + ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
PNG_SCALE = 1.0
PNG_PPI = 144.0
VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"


def svg(spec: dict) -> str:
    return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION, allowed_base_urls=[])


def png(spec: dict) -> bytes:
    return vlc.vegalite_to_png(spec, vl_version=VL_VERSION, scale=PNG_SCALE, ppi=PNG_PPI,
                               allowed_base_urls=[])


def _title(spec: dict) -> str:
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def mimebundle(spec: dict, **_options) -> dict:
    """Altair renderer: the same spec always gives the same bundle (no ids, no timestamps)."""
    return {
        "image/svg+xml": svg(spec),
        VEGALITE_MIMETYPE: spec,
        "text/plain": f"<Chart: {_title(spec) or 'untitled'}>",
    }


def setup() -> None:
    """Register and enable the house theme and the offline renderer; safe to call repeatedly."""
    alt.theme.enable(theme.register())
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, mimebundle)
    alt.renderers.enable(RENDERER)


def chart_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec in the house style, whatever theme is active."""
    with alt.theme.enable(theme.register()):
        return chart.to_dict(validate=True)


def save_chart(chart: alt.TopLevelMixin, stem_path: str | os.PathLike) -> list[Path]:
    """Write STEM.png, STEM.svg and STEM.vl.json; each file appears whole or not at all."""
    stem = Path(stem_path)
    stem.parent.mkdir(parents=True, exist_ok=True)
    spec = chart_spec(chart)
    outputs = {
        stem.with_name(stem.name + ".png"): png(spec),
        stem.with_name(stem.name + ".svg"): svg(spec).encode("utf-8"),
        stem.with_name(stem.name + ".vl.json"): (json.dumps(spec, indent=2, sort_keys=True,
                                                            ensure_ascii=False) + "\n").encode("utf-8"),
    }
    return [write_atomic(path, data) for path, data in outputs.items()]
