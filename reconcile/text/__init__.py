"""Text: a document's sentences, their clauses, and the content tokens every comparison uses."""
