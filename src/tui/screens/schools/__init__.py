"""The Schools area: list, form and the DfE register import."""
