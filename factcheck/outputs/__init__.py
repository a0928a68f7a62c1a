"""Outputs: the claim table and claims.csv (`table`, the extracted texts beside it in `extracted`,
where outputs may be written in `outputs`), the discrepancy reports (`report*`, `xlsx`),
editorial review (`review`), the CI check and its renderings (`check*`, `ci`), and text made
safe for wherever it is printed (`safe_text`).
"""
