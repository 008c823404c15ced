"""The meetings area: the list by network and year, a meeting, and the actions list."""
