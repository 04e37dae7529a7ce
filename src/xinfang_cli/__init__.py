"""xf: the case tracker of an education bureau's petition office (信访办)."""

__version__ = "0.1.0"
