"""Pantau: SP4N-LAPOR! complaint monitoring and public-opinion monitoring for a province."""

__version__ = "0.1.0"
