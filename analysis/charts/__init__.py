"""Publishable charts of the events and statements tables, and their offline, deterministic output."""
from .advances import advance_on_damascus, events_timeline
from .governorates import governorate_map, governorate_status
from .diplomacy import claims_by_place, stance_matrix, statements_by_country
from .render import save_chart, setup

# Figure name -> (factory, tables it takes, in order): the report exports every figure by name.
FIGURES = {
    "governorate_map": (governorate_map, ("events",)),
    "advance_on_damascus": (advance_on_damascus, ("events",)),
    "events_timeline": (events_timeline, ("events",)),
    "claims_by_place": (claims_by_place, ("events",)),
    "stance_matrix": (stance_matrix, ("statements",)),
    "statements_by_country": (statements_by_country, ("statements",)),
}

__all__ = ["FIGURES", "advance_on_damascus", "claims_by_place", "events_timeline", "governorate_map",
           "governorate_status", "save_chart", "setup", "stance_matrix", "statements_by_country"]
