"""Word documents: the agency check form out, a returned form read back, and a form returned
with comments. The only user of python-docx and msoffcrypto-tool."""
