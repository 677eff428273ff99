"""The one service every way in shares (Excel buttons, CLI, batch): read → validate → compute → render, and the
reports built from its results."""
