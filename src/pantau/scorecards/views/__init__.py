"""Scorecard pages, one module per page family."""

from .agencies import agency_detail, agency_list, priority_list
from .dashboard import dashboard
from .definitions import indicator_definitions

__all__ = ["agency_detail", "agency_list", "dashboard", "indicator_definitions", "priority_list"]
