"""Bank statement parsing (OFX/QFX, QIF, CSV) into plain rows; pure Python, no database."""
