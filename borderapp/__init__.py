"""BorderApp: the domain and the station store. Imports neither Qt nor httpx."""

__version__ = "0.1.0"
