"""The Reviews area: reviews, a review's page, visit notes mode, concerns."""
