"""Words per language and which language a text is in: the floor every stage stands on.

patterns.py loads each language's pattern file (the words returns use, keyed by the
labels the schema names) into a blank spaCy pipeline with its matchers; detect.py
tells a text's language (lingua). Readers (OCR), the segmenter and the extractors
all reach these, so they live below every stage.
"""
