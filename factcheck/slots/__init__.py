"""Slot normalisers: what the judgement stages read out of a claim's words and compare. Time
(`when`, resolved to days in `timeranges`, zones in `zones`, times of day in `clock`),
quantities (`quantities`, number words and separators in `numbers`, units in `measures`, ranges
in `quantity_ranges`), places (`places` from the gazetteer, `sites` from the parse), names of
people and organisations (`names`) and the content terms a claim is matched on (`terms`).
"""
