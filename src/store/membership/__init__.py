"""Membership: schools, people, networks, joining and leaving, health, the DfE register."""
