"""Home: the dashboard."""
