"""Reading: a file becomes a Document, its text decoded and a same-length plain
view made with markup and page debris blanked."""
