"""PDF documents: house style, fonts, page layout and each document laid out from its content."""
