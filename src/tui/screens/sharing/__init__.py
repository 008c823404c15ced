"""The Sharing area: send, preview and apply bundles, conflicts and ledger."""
