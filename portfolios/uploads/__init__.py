"""The evidence upload pipeline: sniff the content, check it, count its words, store it."""
