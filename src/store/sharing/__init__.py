"""Sharing by email: bundles, their merge, encryption, field clocks and backups."""
