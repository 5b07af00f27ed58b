"""FD2: links between pages, to heading anchors and to source lines."""
