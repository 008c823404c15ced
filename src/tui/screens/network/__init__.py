"""The Networks area: the list, a network's page and its forms."""
