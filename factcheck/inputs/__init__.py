"""Inputs, the first stage: article files read into `Source` records (formats, encodings, links and
FIFOs in a sources folder, metadata and publication dates and times written in the text) and
each source's text split into sentences with exact offsets (`segment`).
"""
