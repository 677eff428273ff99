"""The command line (``skpxl validasi|hitung|rekap|addin``): argument parsing and terminal output only."""
