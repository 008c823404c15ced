"""schoolnet's benchmarks: `python -m bench` runs them all and prints one table.

Each module also runs alone (`python bench/filter.py`); see bench/__main__.py.
"""
