"""Judgement, the core stages after segmenting: each sentence parsed by spaCy (`parse`), read into
who-did-what frames (`frames`, `participants`) and cut into attributed atomic claims
(`attribution`, `verbs`, `claims`); claims that state the same fact grouped (`match`) and
compared slot by slot (`compare`, `attributes`), facts of the story compared without a match
(`story_counts`, `holders`, `slot_holders`, `speakers`, `stances`, `event_day`, `in_article`),
reprint families set apart (`reprints`) and conflicts that are the story moving on told from
errors (`timeline`).
"""
