"""Dialogs every area shares: the form frame, confirmation, messages."""
