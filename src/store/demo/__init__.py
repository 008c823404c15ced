"""The demo data set, drawn from the source documents; loading it twice adds nothing."""
